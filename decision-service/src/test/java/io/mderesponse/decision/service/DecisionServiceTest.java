package io.mderesponse.decision.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.schema.EventSchemas;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.service.rules.BundledRules;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.RuleEvaluationException;
import io.mderesponse.decision.service.rules.RuleFileParser;
import io.mderesponse.decision.service.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    @Test
    void aDryRunRuleRecordsADryRunDecisionWithItsActionsAndRequestsNothing() {
        DecisionService dryRun = new DecisionService(() -> rules("""
                rules:
                  - id: try-isolating-medium
                    when: alert.severity == "Medium"
                    actions: [isolate, notify]
                    isolation: Selective
                    notify: [soc@example.com]
                    dryRun: true
                """));

        Decision decision = dryRun.decide(Samples.enriched(Samples.uniqueAlertId(), "Medium"));

        assertThat(decision.decision().outcome()).isEqualTo(DecisionOutcome.DRY_RUN);
        assertThat(decision.decision().ruleId()).isEqualTo("try-isolating-medium");
        assertThat(decision.decision().actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(decision.decision().isolationType()).isEqualTo(IsolationType.Selective);
        assertThat(decision.request()).isEmpty();
    }

    @Test
    void aDecisionRecordsTheRuleTheVersionTheFieldsReadTheActionsAndTheOutcome() {
        RuleSet ruleSet = rules("""
                rules:
                  - id: finance-high
                    when: alert.severity == "High" && "finance" in machine.machineTags
                      && alert.evidence.exists(e, e.fileName == "rundll32.exe")
                    actions: [isolate, notify]
                    isolation: Full
                    notify: [finance-soc@example.com]
                """);
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        DecisionMade decision = new DecisionService(() -> ruleSet).decide(event).decision();

        assertThat(decision.ruleId()).isEqualTo("finance-high");
        assertThat(decision.rulesetVersion()).isEqualTo(ruleSet.version());
        assertThat(decision.inputs()).containsOnlyKeys("alert.severity", "machine.machineTags", "alert.evidence");
        assertThat(decision.inputs()).containsEntry("alert.severity", "High")
                .containsEntry("machine.machineTags", List.of("finance"));
        assertThat(decision.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(decision.recipients()).containsExactly("finance-soc@example.com");
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ACTED);
        // The provenance survives the wire format.
        DecisionMade read = EventJson.fromJson(EventJson.toJson(decision), DecisionMade.class);
        assertThat(EventJson.toJson(read.inputs())).isEqualTo(EventJson.toJson(decision.inputs()));
        assertThat(EventSchemas.validate(EventType.DECISION_MADE, EventJson.toJson(decision))).isEmpty();
    }

    @Test
    void aRuleWithoutActionsTakesTheEventAndRequestsNothing() {
        DecisionService spare = new DecisionService(() -> rules("""
                rules:
                  - id: spare-workstations
                    when: machine.rbacGroupName == "Workstations"
                    actions: []
                  - id: isolate-high
                    when: alert.severity == "High"
                    actions: [isolate]
                    isolation: Full
                """));

        Decision decision = spare.decide(Samples.enriched(Samples.uniqueAlertId(), "High"));

        assertThat(decision.decision().ruleId()).isEqualTo("spare-workstations");
        assertThat(decision.decision().actions()).isEmpty();
        assertThat(decision.request()).isEmpty();
    }

    @Test
    void aConditionThatFailsOnAnEventLeavesItUndecidedNamingTheRule() {
        DecisionService failing = new DecisionService(() -> rules("""
                rules:
                  - id: needs-a-column
                    when: row.row.RemoteIP == "10.0.0.1"
                    actions: [notify]
                """));

        assertThatThrownBy(() -> failing.decide(Samples.enriched(Samples.uniqueAlertId(), "High")))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("needs-a-column");
    }

    private static RuleSet rules(String file) {
        ParsedRuleFile parsed = new RuleFileParser(new CelConditions()).parse(file.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        return parsed.ruleSet();
    }
}
