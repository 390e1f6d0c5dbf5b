package io.mderesponse.contracts.event;

import static io.mderesponse.contracts.event.MachineActionType.Isolate;
import static io.mderesponse.contracts.event.MachineActionType.Unisolate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.defender.IsolationType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request ids are stable for a redelivered decision and distinct for anything else. */
class RequestIdsTest {

    /**
     * Expected values computed outside Java as MD5 name-based UUIDs of the encoding the Javadoc documents
     * ({@code mde-response/request/alert|31:da6...609|12:isolate-high|Isolate}).
     */
    @Test
    void theIdIsPinnedBecauseIdsStoredBeforeADeployMustMatchIdsDerivedAfterIt() {
        assertThat(RequestIds.forAlert("da637472900382838869_1364969609", "isolate-high", Isolate))
                .hasToString("2f847df5-83c1-322b-9235-30493799d837");
        assertThat(RequestIds.forRelease(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), Unisolate))
                .hasToString("d2e5ad3b-9540-3325-9627-2983f0612f33");
    }

    @Test
    void aRedeliveredDecisionYieldsTheSameRequestId() {
        DecisionMade first = decision("isolate-high");
        DecisionMade redelivered = decision("isolate-high");

        assertThat(first.decisionId()).isNotEqualTo(redelivered.decisionId());
        assertThat(RequestIds.forDecision(first, Isolate)).isEqualTo(RequestIds.forDecision(redelivered, Isolate));
    }

    @Test
    void anApprovalYieldsTheSameRequestIdAsTheHeldDecisionWouldHave() {
        DecisionMade held = decision("isolate-high");
        DecisionMade approved = DecisionMade.settling(held, DecisionOutcome.APPROVED, "lead@example.com", null);

        assertThat(RequestIds.forDecision(approved, Isolate)).isEqualTo(RequestIds.forDecision(held, Isolate));
    }

    @Test
    void theIdDiffersByAlertRuleAndAction() {
        UUID id = RequestIds.forAlert("alert-1", "rule", Isolate);

        assertThat(RequestIds.forAlert("alert-2", "rule", Isolate)).isNotEqualTo(id);
        assertThat(RequestIds.forAlert("alert-1", "rule-2", Isolate)).isNotEqualTo(id);
        assertThat(RequestIds.forAlert("alert-1", "rule", Unisolate)).isNotEqualTo(id);
    }

    @Test
    void fieldsThatJoinToTheSameTextStillYieldDifferentIds() {
        // Joined with the separator alone, both would read "a|b|c": row keys and rule ids may contain it.
        assertThat(RequestIds.forHuntingRow("a|b", "c", Isolate))
                .isNotEqualTo(RequestIds.forHuntingRow("a", "b|c", Isolate));
        assertThat(RequestIds.forAlert("ab", "c", Isolate)).isNotEqualTo(RequestIds.forAlert("a", "bc", Isolate));
    }

    @Test
    void anAlertAndAHuntingRowWithTheSameKeyYieldDifferentIds() {
        assertThat(RequestIds.forAlert("key", "rule", Isolate))
                .isNotEqualTo(RequestIds.forHuntingRow("key", "rule", Isolate));
    }

    @Test
    void idsAreNameBasedUuids() {
        assertThat(RequestIds.forAlert("alert-1", "rule", Isolate).version()).isEqualTo(3);
    }

    @Test
    void aReleaseIsIdentifiedByItsDecisionId() {
        DecisionMade release = DecisionMade.release(Samples.MACHINE_ID, "analyst@example.com", "v1", List.of(),
                "false positive");

        assertThat(RequestIds.forDecision(release, Unisolate))
                .isEqualTo(RequestIds.forRelease(release.decisionId(), Unisolate));
    }

    @Test
    void aHuntingRowDecisionIsIdentifiedByRowKeyAndRule() {
        DecisionMade decision = DecisionMade.forHuntingRow(Samples.huntingRow(), "hunt-rule", "v1", Map.of(),
                List.of(RuleAction.ISOLATE), IsolationType.Full, DecisionOutcome.ACTED, List.of(), null);

        assertThat(RequestIds.forDecision(decision, Isolate))
                .isEqualTo(RequestIds.forHuntingRow(Samples.huntingRow().rowKey(), "hunt-rule", Isolate));
    }

    @Test
    void aDecisionWithoutARuleCannotRequestAnAction() {
        DecisionMade noMatch = DecisionMade.forAlert(Samples.summary(), null, "v1", Map.of(), List.of(), null,
                DecisionOutcome.NO_MATCH, List.of(), null);

        assertThatThrownBy(() -> RequestIds.forDecision(noMatch, Isolate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_MATCH");
    }

    @Test
    void anInvalidAlertIdIsRefused() {
        assertThatThrownBy(() -> RequestIds.forAlert("../x", "rule", Isolate))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DecisionMade decision(String ruleId) {
        return DecisionMade.forAlert(Samples.summary(), ruleId, "v1", Map.of("alert.severity", "High"),
                List.of(RuleAction.ISOLATE), IsolationType.Full, DecisionOutcome.HELD, List.of("soc@example.com"),
                null);
    }
}
