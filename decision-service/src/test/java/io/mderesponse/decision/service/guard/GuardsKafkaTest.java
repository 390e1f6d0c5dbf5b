package io.mderesponse.decision.service.guard;

import static io.mderesponse.decision.service.guard.GuardTestKafka.decisionFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.highAlert;
import static io.mderesponse.decision.service.guard.GuardTestKafka.requestFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.requestRecordFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.responseRequestsFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.send;
import static io.mderesponse.decision.service.guard.GuardTestKafka.sendResult;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.state.MachineGuard;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MockOidcResource.class)
@TestProfile(GuardsKafkaTest.Profile.class)
class GuardsKafkaTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    static final String SUFFIX = ".guards-test-" + UUID.randomUUID();
    static final String EXCLUDED_ID = Samples.uniqueMachineId();

    /** The bundled rule for High alerts, and a Medium rule that names four kinds of machine action. */
    static final String RULES = """
            rules:
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
              - id: medium-plan
                when: alert.severity == "Medium"
                actions: [{isolate: {isolationType: Selective}}, collectInvestigationPackage,
                  {antivirusScan: {scanType: Quick}}, notify, {stopAndQuarantineFile: {maxFiles: 3}}]
            """;
    static final String SHA1 = "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3";

    /** Exclusions, a one-hour machine window, caps far away, the rules above, state topics of its own. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.exclude.machine-tags", "do-not-isolate,VIP",
                    "guard.exclude.rbac-groups", "Domain Controllers",
                    "guard.exclude.machine-ids", EXCLUDED_ID,
                    "guard.machine-window", "1h",
                    "guard.max-isolations-per-hour", "1000",
                    "guard.antivirus-scan.machine-window", "1h",
                    "guard.stop-and-quarantine-file.max-per-hour", "1000",
                    "guard.state-topic-suffix", SUFFIX,
                    "rules.path", rulesFile());
        }

        private static String rulesFile() {
            try {
                Path file = Files.createTempFile("guards-test-rules", ".yaml");
                file.toFile().deleteOnExit();
                return Files.writeString(file, RULES).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void machinesExcludedByTagRbacGroupOrIdAreNeverIsolated() {
        List<AlertEnriched> events = List.of(
                send(highAlert(Samples.uniqueMachineId(), Map.of("machineTags", List.of("vip")))),
                send(highAlert(Samples.uniqueMachineId(), Map.of("rbacGroupName", "Domain Controllers"))),
                send(highAlert(EXCLUDED_ID, Map.of())));

        for (AlertEnriched event : events) {
            DecisionMade decision = decisionFor(event.alert().id(), d -> true);
            assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXCLUDED);
            assertThat(decision.actions()).doesNotContain(RuleAction.ISOLATE).contains(RuleAction.NOTIFY);
            assertThat(decision.reason()).contains("guard.exclude.");
        }
        // a later isolation is requested: by then the excluded ones would be there too, and they are not
        AlertEnriched later = send(highAlert(Samples.uniqueMachineId(), Map.of()));
        requestFor(decisionFor(later.alert().id(), d -> true).decisionId());
        assertThat(GuardTestKafka.requests()).noneMatch(r -> events.stream()
                .anyMatch(e -> e.alert().id().equals(r.correlationId())));
    }

    @Test
    void aSecondIsolationIsSuppressedWhilePendingAndWithinTheWindowAndAReleaseResetsIt() {
        String machine = Samples.uniqueMachineId();
        DecisionMade first = decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true);
        assertThat(first.outcome()).isEqualTo(DecisionOutcome.ACTED);
        MachineActionRequested isolation = requestFor(first.decisionId());

        DecisionMade whilePending = decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true);
        assertThat(whilePending.outcome()).isEqualTo(DecisionOutcome.SUPPRESSED);
        assertThat(whilePending.reason()).contains("pending");

        sendResult(isolation, FinalStatus.Succeeded);
        awaitGuard(machine, MachineGuard.Status.ENDED);
        DecisionMade withinWindow = decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true);
        assertThat(withinWindow.outcome()).isEqualTo(DecisionOutcome.SUPPRESSED);
        assertThat(withinWindow.reason()).contains("guard.machine-window");

        String released = given().auth().oauth2(MockOidcResource.token(true)).contentType("application/json")
                .body(Map.of("comment", "false positive, checked by phone")).post("/machines/" + machine + "/release")
                .then().statusCode(202).extract().path("decisionId");
        DecisionMade release = decisionFor(released, d -> true);
        assertThat(release.outcome()).isEqualTo(DecisionOutcome.RELEASED);
        assertThat(release.requestedBy()).isEqualTo("alice");
        assertThat(release.machineId()).isEqualTo(machine);
        MachineActionRequested unisolate = requestFor(release.decisionId());
        assertThat(unisolate.type()).isEqualTo(MachineActionType.Unisolate);
        assertThat(unisolate.requestId()).isEqualTo(RequestIds.forRelease(release.decisionId(),
                MachineActionType.Unisolate));
        assertThat(unisolate.comment()).contains("false positive").contains(unisolate.requestId().toString());

        sendResult(unisolate, FinalStatus.Succeeded);
        awaitGuard(machine, MachineGuard.Status.CLEARED);
        assertThat(decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true).outcome())
                .isEqualTo(DecisionOutcome.ACTED);
    }

    @Test
    void aFailedIsolationClearsTheWindowSoTheNextAlertMayIsolate() {
        String machine = Samples.uniqueMachineId();
        DecisionMade first = decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true);
        sendResult(requestFor(first.decisionId()), FinalStatus.Failed);
        awaitGuard(machine, MachineGuard.Status.CLEARED);

        assertThat(decisionFor(send(highAlert(machine, Map.of())).alert().id(), d -> true).outcome())
                .isEqualTo(DecisionOutcome.ACTED);
    }

    @Test
    void aPlanIsRequestedInOrderOnBothRequestTopicsAndEachKindKeepsItsOwnWindow() {
        String machine = Samples.uniqueMachineId();
        PrometheusScrape before = metrics();
        AlertEnriched event = send(mediumAlert(machine, List.of(
                Map.of("entityType", "File", "sha1", SHA1, "fileName", "evil.exe"),
                Map.of("entityType", "File", "sha1", "C:\\Windows\\evil.exe\r\nX-Injected: 1"))));

        DecisionMade decision = decisionFor(event.alert().id(), d -> true);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(decision.plan()).extracting(RequestedAction::kind).containsExactly(MachineActionKind.ISOLATE,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, MachineActionKind.ANTIVIRUS_SCAN,
                MachineActionKind.STOP_AND_QUARANTINE_FILE);
        assertThat(decision.reason()).contains("1 evidence value(s) that are not a SHA-1 were refused")
                .doesNotContain("\n");
        ConsumerRecord<String, MachineActionRequested> isolation = requestRecordFor(decision.decisionId());
        assertThat(isolation.value().isolationType()).isEqualTo(IsolationType.Selective);
        assertThat(isolation.value().plan()).isEqualTo(decision.plan());
        List<ConsumerRecord<String, ResponseActionRequested>> others = responseRequestsFor(decision.decisionId(), 3);
        assertThat(others).extracting(r -> r.value().requestId())
                .containsExactlyElementsOf(decision.plan().subList(1, 4).stream().map(RequestedAction::requestId)
                        .toList());
        assertThat(others.get(2).value().sha1()).isEqualTo(SHA1.toLowerCase());
        assertThat(others).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(machine);
            assertThat(r.timestamp()).as("published after the isolation").isGreaterThanOrEqualTo(
                    isolation.timestamp());
        });
        assertThat(metrics().delta(before, "decisions_evidence_hashes_rejected_total", Map.of())).isEqualTo(1.0);

        sendResult(others.get(1).value(), FinalStatus.Failed);
        awaitGuard(machine + "|antivirusScan", MachineGuard.Status.CLEARED);
        DecisionMade next = decisionFor(send(mediumAlert(machine, List.of())).alert().id(), d -> true);
        assertThat(next.outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(next.plan()).extracting(RequestedAction::kind).containsExactly(MachineActionKind.ANTIVIRUS_SCAN);
        assertThat(next.actions()).doesNotContain(RuleAction.ISOLATE);
        assertThat(next.reason()).contains("Not requested: An isolation of this machine is pending")
                .contains("The collectInvestigationPackage of this machine is pending");
        assertThat(responseRequestsFor(next.decisionId(), 1)).singleElement()
                .satisfies(r -> assertThat(r.value().kind()).isEqualTo(MachineActionKind.ANTIVIRUS_SCAN));

        DecisionMade excluded = decisionFor(send(mediumAlert(EXCLUDED_ID, List.of())).alert().id(), d -> true);
        assertThat(excluded.outcome()).isEqualTo(DecisionOutcome.EXCLUDED);
        assertThat(excluded.plan()).isEmpty();
    }

    @Test
    void approvalsAndReleaseAnswer401WithoutATokenAnd403WithoutTheRole() {
        given().get("/approvals").then().statusCode(401);
        given().contentType("application/json").body(Map.of("decision", "approve"))
                .post("/approvals/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/json").body(Map.of("comment", "x"))
                .post("/machines/" + Samples.uniqueMachineId() + "/release").then().statusCode(401);

        String viewer = MockOidcResource.token(false);
        given().auth().oauth2(viewer).get("/approvals").then().statusCode(403);
        given().auth().oauth2(viewer).contentType("application/json").body(Map.of("comment", "x"))
                .post("/machines/" + Samples.uniqueMachineId() + "/release").then().statusCode(403);

        given().auth().oauth2(MockOidcResource.token(true)).get("/approvals").then().statusCode(200);
        given().get("/rules").then().statusCode(401);
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }

    private static AlertEnriched mediumAlert(String machineId, List<Map<String, Object>> evidence) {
        return AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), machineId,
                Map.of("severity", "Medium", "evidence", evidence)), Samples.machine(machineId));
    }

    private PrometheusScrape metrics() {
        return PrometheusScrape.parse(given().get(metricsUrl).then().statusCode(200).extract().asString());
    }

    /** Waits for the window under {@code key}: a machine id (isolation) or {@code <machine id>|<kind>}. */
    private static void awaitGuard(String machine, MachineGuard.Status status) {
        String topic = Topics.DECISION_GUARDS.defaultName() + SUFFIX;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> GuardTestKafka.guardOf(topic, machine).map(MachineGuard::status).orElse(null) == status);
    }
}
