package io.mderesponse.decision.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.rules.BundledRules;
import org.junit.jupiter.api.Test;

class DecisionServiceTest {

    private final DecisionService service = new DecisionService(BundledRules::ruleSet);

    @Test
    void aHighAlertIsDecidedAsIsolateAndNotifyWithARequestForItsMachine() {
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        Decision decision = service.decide(event);

        assertThat(decision.decision().outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(decision.decision().ruleId()).isEqualTo(BundledRules.ISOLATE_HIGH_ID);
        assertThat(decision.decision().rulesetVersion()).isEqualTo(BundledRules.VERSION);
        assertThat(decision.decision().actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(decision.decision().inputs()).containsEntry("alert.severity", "High");
        assertThat(decision.decision().correlationId()).isEqualTo(event.alert().id());
        MachineActionRequested request = decision.request().orElseThrow();
        assertThat(request.type()).isEqualTo(MachineActionType.Isolate);
        assertThat(request.isolationType()).isEqualTo(IsolationType.Full);
        assertThat(request.machineId()).isEqualTo(Samples.MACHINE_ID);
        assertThat(request.decisionId()).isEqualTo(decision.decision().decisionId());
    }

    @Test
    void theDefenderCommentNamesTheAlertTheRuleAndTheRequestId() {
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        MachineActionRequested request = service.decide(event).request().orElseThrow();

        assertThat(request.comment())
                .contains("alert " + event.alert().id())
                .contains("rule " + BundledRules.ISOLATE_HIGH_ID)
                .contains(request.requestId().toString());
    }

    @Test
    void aRedeliveredAlertYieldsTheSameRequestId() {
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        assertThat(service.decide(event).request().orElseThrow().requestId())
                .isEqualTo(service.decide(event).request().orElseThrow().requestId());
    }

    @Test
    void aMediumAlertMatchesNoRuleAndRequestsNothing() {
        Decision decision = service.decide(Samples.enriched(Samples.uniqueAlertId(), "Medium"));

        assertThat(decision.decision().outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(decision.decision().ruleId()).isNull();
        assertThat(decision.decision().actions()).isEmpty();
        assertThat(decision.request()).isEmpty();
    }

    @Test
    void aHighAlertWithoutAMachineIsDecidedButNeverIsolated() {
        String alertId = Samples.uniqueAlertId();
        AlertEnriched event = AlertEnriched.of(Samples.alert(alertId, "High", null), null);

        Decision decision = service.decide(event);

        assertThat(decision.decision().outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(decision.decision().actions()).containsExactly(RuleAction.NOTIFY);
        assertThat(decision.decision().reason()).contains("no machine");
        assertThat(decision.request()).isEmpty();
    }
}
