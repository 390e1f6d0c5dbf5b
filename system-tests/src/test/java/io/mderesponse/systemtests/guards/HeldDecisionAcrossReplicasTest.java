package io.mderesponse.systemtests.guards;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two packaged decision-service JVMs and one hold at a time (a cap of 0 holds every isolation): two approvers
 * approving it at once, one on each replica, get one 204 and one 409; an approval sent at the deadline races both
 * replicas' expiry sweeps. Either way the hold gets one terminal {@code DecisionMade} and at most one request,
 * round after round.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldDecisionAcrossReplicasTest {

    private static final int ROUNDS = 3;
    /** Long enough for both approvals to arrive before the deadline on a loaded machine, short enough to wait for. */
    private static final Duration TTL = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final OperatorIdentityProvider idp = new OperatorIdentityProvider();
    private DecisionReplicas replicas;
    private ServiceProcess a;
    private ServiceProcess b;

    @BeforeAll
    void startTwoReplicas() {
        idp.start();
        Map<String, String> settings = new HashMap<>(idp.serviceEnvironment());
        settings.put("APPROVAL_TTL", TTL.toSeconds() + "s");
        replicas = new DecisionReplicas(0, settings);
        a = replicas.start("held-a");
        b = replicas.start("held-b");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable running : new AutoCloseable[] {a, b}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        idp.stop();
    }

    @Test
    void twoApprovalsAtOnceOnTheTwoReplicasAnswerOne204AndOne409AndRequestOneIsolation() {
        for (int round = 0; round < ROUNDS; round++) {
            DecisionMade held = hold().held();
            CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> approve(a, held));
            CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> approve(b, held));

            assertThat(List.of(onA.join(), onB.join())).as("round %d", round).containsExactlyInAnyOrder(204, 409);
            assertThat(settling(held)).as("round %d: terminal decisions", round).singleElement()
                    .extracting(DecisionMade::outcome).isEqualTo(DecisionOutcome.APPROVED);
            assertThat(requests(held)).as("round %d: isolation requests", round).hasSize(1);
        }
    }

    @Test
    void anApprovalAtTheDeadlineRacingTheExpirySweepsSettlesTheHoldOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            Hold hold = hold();
            DecisionMade held = hold.held();
            // At the deadline, then later into the sweeps' period (500 ms), so that either may come first.
            Instant approveAt = hold.expiresAt().plusMillis(200L * round);
            Awaitility.await().atMost(TTL.multipliedBy(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !Instant.now().isBefore(approveAt));
            int status = approve(a, held);

            assertThat(status).isIn(204, 409);
            DecisionOutcome won = status == 204 ? DecisionOutcome.APPROVED : DecisionOutcome.EXPIRED;
            // A 409 means an expiry claim came first; its replica publishes right after.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !settling(held).isEmpty());
            assertThat(settling(held)).as("round %d: terminal decisions", round).singleElement()
                    .extracting(DecisionMade::outcome).isEqualTo(won);
            assertThat(requests(held)).as("round %d: isolation requests", round)
                    .hasSize(won == DecisionOutcome.APPROVED ? 1 : 0);
        }
    }

    /** A held decision and its approval deadline, as an approver's console lists it. */
    private record Hold(DecisionMade held, Instant expiresAt) {
    }

    /** A new alert's isolation, held by the cap, and listed as waiting by both replicas (as a console shows it). */
    private Hold hold() {
        String alertId = replicas.sendHighAlert(TestIds.machineId());
        DecisionMade held = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> replicas.decisions().stream().filter(d -> alertId.equals(d.correlationId())
                        && d.outcome() == DecisionOutcome.HELD).findFirst(), Optional::isPresent).get();
        Instant expiresAt = null;
        for (ServiceProcess replica : List.of(a, b)) {
            List<?> listed = EventJson.fromJson(send(replica, HttpRequest.newBuilder(
                    URI.create(replica.baseUrl() + "/approvals")).GET()).body(), List.class);
            Map<?, ?> view = listed.stream().map(Map.class::cast)
                    .filter(v -> held.decisionId().toString().equals(v.get("decisionId"))).findFirst()
                    .orElseThrow(() -> new AssertionError(replica.name() + " does not list " + held.decisionId()));
            expiresAt = Instant.parse((String) view.get("expiresAt"));
        }
        return new Hold(held, expiresAt);
    }

    private int approve(ServiceProcess replica, DecisionMade held) {
        return send(replica, HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/approvals/" + held.decisionId()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\"}"))).statusCode();
    }

    private HttpResponse<String> send(ServiceProcess replica, HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Calling " + replica.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code alice}, with role {@code soc-approver}. */
    private String token() {
        return OperatorIdentityProvider.tokenFrom(idp.issuer(), Person.APPROVER);
    }

    private List<DecisionMade> settling(DecisionMade held) {
        return replicas.decisions().stream().filter(d -> held.decisionId().equals(d.supersedes())).toList();
    }

    private List<MachineActionRequested> requests(DecisionMade held) {
        return replicas.requests().stream().filter(r -> held.correlationId().equals(r.correlationId())).toList();
    }
}
