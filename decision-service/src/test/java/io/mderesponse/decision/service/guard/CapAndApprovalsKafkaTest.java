package io.mderesponse.decision.service.guard;

import static io.mderesponse.decision.service.guard.GuardTestKafka.decisionFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.highAlert;
import static io.mderesponse.decision.service.guard.GuardTestKafka.requestFor;
import static io.mderesponse.decision.service.guard.GuardTestKafka.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MockOidcResource.class)
@TestProfile(CapAndApprovalsKafkaTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapAndApprovalsKafkaTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    /** A cap of 2 per hour, holds that expire after 12 s, state topics of its own. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.max-isolations-per-hour", "2",
                    "guard.cap-window", "1h",
                    "approval.ttl", "12s",
                    "guard.state-topic-suffix", ".cap-test-" + UUID.randomUUID());
        }
    }

    @Test
    @Order(1)
    void beyondTheCapADecisionIsHeldAndListedForApproval() {
        PrometheusScrape before = metrics();
        DecisionMade first = decisionFor(send(highAlert(Samples.uniqueMachineId(), Map.of())).alert().id(), d -> true);
        DecisionMade second = decisionFor(send(highAlert(Samples.uniqueMachineId(), Map.of())).alert().id(), d -> true);
        assertThat(List.of(first.outcome(), second.outcome())).containsOnly(DecisionOutcome.ACTED);

        DecisionMade third = held();
        assertThat(third.reason()).contains("cap of 2");
        List<String> listed = given().auth().oauth2(MockOidcResource.token(true)).get("/approvals")
                .then().statusCode(200).extract().path("decisionId");
        assertThat(listed).contains(third.decisionId().toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = metrics();
            assertThat(after.delta(before, "decisions_total", Map.of("outcome", "ACTED"))).isEqualTo(2.0);
            assertThat(after.delta(before, "decisions_total", Map.of("outcome", "HELD"))).isEqualTo(1.0);
            assertThat(after.value("decisions_held", Map.of())).as("state topics of this test only").isEqualTo(1.0);
        });
    }

    @Test
    @Order(2)
    void anApprovedHoldEmitsApprovedThenTheRequestTheHeldDecisionWouldHaveHad() {
        DecisionMade held = held();

        PrometheusScrape before = metrics();
        settle(held, "approve").then().statusCode(204);

        DecisionMade approved = decisionFor(held.correlationId(), d -> d.outcome() == DecisionOutcome.APPROVED);
        assertThat(approved.supersedes()).isEqualTo(held.decisionId());
        assertThat(approved.approvedBy()).isEqualTo("alice");
        MachineActionRequested request = requestFor(approved.decisionId());
        assertThat(request.type()).isEqualTo(MachineActionType.Isolate);
        assertThat(request.machineId()).isEqualTo(held.machineId());
        assertThat(request.requestId()).isEqualTo(RequestIds.forAlert(held.correlationId(), GuardTestKafka.RULE,
                MachineActionType.Isolate));
        settle(held, "deny").then().statusCode(409);
        assertThat(metrics().delta(before, "decisions_total", Map.of("outcome", "APPROVED"))).isEqualTo(1.0);
    }

    @Test
    @Order(3)
    void aDeniedHoldEmitsDeniedAndNoRequest() {
        DecisionMade held = held();

        settle(held, "deny").then().statusCode(204);

        DecisionMade denied = decisionFor(held.correlationId(), d -> d.outcome() == DecisionOutcome.DENIED);
        assertThat(denied.supersedes()).isEqualTo(held.decisionId());
        assertThat(denied.approvedBy()).isEqualTo("alice");
        assertThat(GuardTestKafka.requests()).noneMatch(r -> held.correlationId().equals(r.correlationId()));
    }

    @Test
    @Order(4)
    void aHoldNobodySettlesExpiresAfterTheTtl() {
        DecisionMade held = held();

        DecisionMade expired = decisionFor(held.correlationId(), d -> d.outcome() == DecisionOutcome.EXPIRED);
        assertThat(expired.supersedes()).isEqualTo(held.decisionId());
        settle(held, "approve").then().statusCode(409);
        assertThat(GuardTestKafka.requests()).noneMatch(r -> held.correlationId().equals(r.correlationId()));
        // Every hold of this test is settled now: approved, denied or expired.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(metrics().value("decisions_held", Map.of())).isZero());
    }

    private PrometheusScrape metrics() {
        return PrometheusScrape.parse(given().get(metricsUrl).then().statusCode(200).extract().asString());
    }

    private static DecisionMade held() {
        AlertEnriched event = send(highAlert(Samples.uniqueMachineId(), Map.of()));
        DecisionMade decision = decisionFor(event.alert().id(), d -> true);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.HELD);
        return decision;
    }

    private static io.restassured.response.Response settle(DecisionMade held, String verb) {
        return given().auth().oauth2(MockOidcResource.token(true)).contentType("application/json")
                .body(Map.of("decision", verb, "comment", "checked")).post("/approvals/" + held.decisionId());
    }
}
