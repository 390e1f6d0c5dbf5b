package io.mderesponse.decision.service.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.messaging.DecisionPublisher;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.service.guard.ApprovalService.Result;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.RuleFileParser;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.MachineGuard;
import io.mderesponse.decision.state.TestGuardConfig;
import io.mderesponse.testsupport.kafka.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guards per action kind, on the real broker ({@link GuardStore} on guard topics of the test's own): each kind
 * has its machine window and its cap (two an hour here, for every kind); a kind within its window leaves the plan,
 * any kind over its cap holds the whole decision, and an approval requests the whole held plan under the same ids.
 */
class GuardsPerKindTest {

    private static final String SHA1_A = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";
    private static final String SHA1_B = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA1_C = "356a192b7913b04c54574d18c28d46e6395428ab";

    private final TestGuardConfig config = TestGuardConfig.withOwnTopics();
    private final List<Decision> published = new CopyOnWriteArrayList<>();
    private final DecisionService rules = new DecisionService(() -> {
        ParsedRuleFile parsed = new RuleFileParser(new CelConditions()).parse("""
                rules:
                  - id: high
                    when: alert.severity == "High"
                    isolation: Full
                    actions: [isolate, {antivirusScan: {scanType: Quick}}, notify]
                  - id: medium
                    when: alert.severity == "Medium"
                    actions: [{antivirusScan: {scanType: Quick}}, notify]
                  - id: low
                    when: alert.severity == "Low"
                    actions: [{stopAndQuarantineFile: {maxFiles: 3}}]
                  - id: informational
                    when: alert.severity == "Informational"
                    actions: [collectInvestigationPackage]
                """.getBytes(StandardCharsets.UTF_8));
        return parsed.ruleSet();
    });
    private GuardStore store;
    private Guards guards;
    private ApprovalService approvals;
    private ResultsHandler results;

    @BeforeEach
    void open() {
        config.createTopics();
        store = new GuardStore(TestTopics.kafka(), config, Duration.ofDays(7), Clock.systemUTC());
        guards = new Guards(store, config, new Approvals());
        DecisionPublisher publisher = new DecisionPublisher(null, null, null, null) {
            @Override
            public void publish(Decision decision) {
                published.add(decision);
            }
        };
        approvals = new ApprovalService(store, publisher, new Approvals());
        results = new ResultsHandler(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aKindWithinItsWindowLeavesThePlanWhileTheOtherKindsGoAhead() {
        String machine = Samples.uniqueMachineId();
        Decision scan = decide(alert("Medium", machine));
        assertThat(scan.decision().outcome()).isEqualTo(DecisionOutcome.ACTED);

        Decision high = decide(alert("High", machine));

        assertThat(high.decision().outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(high.decision().plan()).extracting(RequestedAction::kind).containsExactly(MachineActionKind.ISOLATE);
        assertThat(high.decision().actions()).contains(RuleAction.ISOLATE);
        assertThat(high.decision().reason()).contains("Not requested: The antivirusScan of this machine is pending")
                .contains(scan.decision().plan().get(0).requestId().toString());
        assertThat(high.requests()).singleElement().isInstanceOf(MachineActionRequested.class);
        Decision again = decide(alert("Medium", machine));
        assertThat(again.decision().outcome()).isEqualTo(DecisionOutcome.SUPPRESSED);
        assertThat(again.decision().plan()).isEmpty();
        assertThat(again.requests()).isEmpty();
    }

    @Test
    void aResultEndsTheKindsPendingWindowAndAFailureClearsIt() {
        String machine = Samples.uniqueMachineId();
        Decision first = decide(alert("Medium", machine));
        complete(first, FinalStatus.Failed);
        assertThat(window(machine, MachineActionKind.ANTIVIRUS_SCAN)).isEqualTo(MachineGuard.Status.CLEARED);

        Decision second = decide(alert("Medium", machine));
        assertThat(second.decision().outcome()).isEqualTo(DecisionOutcome.ACTED);
        complete(second, FinalStatus.Succeeded);
        assertThat(window(machine, MachineActionKind.ANTIVIRUS_SCAN)).isEqualTo(MachineGuard.Status.ENDED);

        Decision third = decide(alert("Medium", machine));
        assertThat(third.decision().outcome()).isEqualTo(DecisionOutcome.SUPPRESSED);
        assertThat(third.decision().reason()).contains("within guard.antivirus-scan.machine-window (PT1H)");
        assertThat(store.machine(machine)).as("isolation's window untouched").isEmpty();
    }

    @Test
    void eachKindHasItsOwnCapAndQuarantineCountsFiles() {
        for (int i = 0; i < 2; i++) {
            assertThat(decide(alert("Informational", Samples.uniqueMachineId())).decision().outcome())
                    .isEqualTo(DecisionOutcome.ACTED);
        }
        Decision third = decide(alert("Informational", Samples.uniqueMachineId()));
        assertThat(third.decision().outcome()).isEqualTo(DecisionOutcome.HELD);
        assertThat(third.decision().reason()).contains("cap of 2 collectInvestigationPackage actions per PT1H "
                + "(guard.collect-investigation-package.max-per-hour)");
        assertThat(third.requests()).isEmpty();
        assertThat(decide(alert("Medium", Samples.uniqueMachineId())).decision().outcome())
                .as("another kind, under its own cap").isEqualTo(DecisionOutcome.ACTED);

        Decision threeFiles = decide(alert("Low", Samples.uniqueMachineId(), SHA1_A, SHA1_B, SHA1_C));
        assertThat(threeFiles.decision().outcome()).isEqualTo(DecisionOutcome.HELD);
        assertThat(threeFiles.decision().reason()).contains("cap of 2 quarantined files");
        assertThat(threeFiles.decision().plan()).as("held with its whole plan").hasSize(3);
        Decision twoFiles = decide(alert("Low", Samples.uniqueMachineId(), SHA1_A, SHA1_B));
        assertThat(twoFiles.decision().outcome()).as("the held files took nothing of the cap")
                .isEqualTo(DecisionOutcome.ACTED);
        assertThat(twoFiles.requests()).hasSize(2);
    }

    @Test
    void anApprovedHoldRequestsItsWholePlanInOrderUnderTheSameRequestIds() {
        for (int i = 0; i < 2; i++) {
            decide(alert("High", Samples.uniqueMachineId()));
        }
        DecisionMade held = decide(alert("High", Samples.uniqueMachineId())).decision();
        assertThat(held.outcome()).isEqualTo(DecisionOutcome.HELD);
        assertThat(held.reason()).contains("cap of 2 isolations").contains("cap of 2 antivirusScan actions");

        assertThat(approvals.settle(held.decisionId(), true, "alice", null)).isEqualTo(Result.SETTLED);

        Decision approved = published.stream().filter(d -> held.decisionId().equals(d.decision().supersedes()))
                .findFirst().orElseThrow();
        assertThat(approved.decision().outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(approved.decision().plan()).isEqualTo(held.plan());
        List<Event> requests = approved.requests();
        assertThat(requests).hasSize(2);
        assertThat(((MachineActionRequested) requests.get(0)).requestId()).isEqualTo(held.plan().get(0).requestId());
        ResponseActionRequested scan = (ResponseActionRequested) requests.get(1);
        assertThat(scan.requestId()).isEqualTo(held.plan().get(1).requestId());
        assertThat(scan.decisionId()).isEqualTo(approved.decision().decisionId());
        assertThat(window(held.machineId(), MachineActionKind.ANTIVIRUS_SCAN)).isEqualTo(MachineGuard.Status.PENDING);
        assertThat(store.machine(held.machineId())).map(MachineGuard::status).contains(MachineGuard.Status.PENDING);
    }

    private Decision decide(AlertEnriched event) {
        return guards.apply(event, rules.decide(event));
    }

    private void complete(Decision decision, FinalStatus status) {
        ResponseActionRequested request = (ResponseActionRequested) decision.requests().get(0);
        results.handle(ResponseActionCompleted.of(request, "ma-" + UUID.randomUUID(), status,
                status.succeeded() ? null : "test", Instant.now(), Instant.now()));
    }

    private MachineGuard.Status window(String machine, MachineActionKind kind) {
        return store.window(machine, kind, null).map(MachineGuard::status).orElse(null);
    }

    private static AlertEnriched alert(String severity, String machineId, String... sha1s) {
        List<Map<String, Object>> evidence = Arrays.stream(sha1s)
                .map(sha1 -> Map.<String, Object>of("entityType", "File", "sha1", sha1)).toList();
        return AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), machineId,
                Map.of("severity", severity, "evidence", evidence)), Samples.machine(machineId));
    }

    /** Holds wait an hour and are kept a week once settled. */
    private static final class Approvals implements ApprovalConfig {

        @Override
        public Duration ttl() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration settledRetention() {
            return Duration.ofDays(7);
        }
    }
}
