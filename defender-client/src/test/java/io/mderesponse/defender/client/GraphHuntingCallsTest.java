package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.model.HuntingQueryResult;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hunting through Microsoft Graph against the running simulator: its token, its body, its answer, its 429s. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class GraphHuntingCallsTest {

    @Inject
    DefenderClient client;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    SimulatorAdmin admin;
    String table;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void seedATable() {
        admin = new SimulatorAdmin(simulatorUrl);
        table = "GraphEvents" + Long.toHexString(System.nanoTime());
        admin.putHuntingTable(table, List.of(row(now.minusSeconds(60), "recent.exe"),
                row(now.minus(2, ChronoUnit.HOURS), "older.exe")));
    }

    private static Map<String, Object> row(Instant at, String fileName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Timestamp", at.toString());
        row.put("FileName", fileName);
        row.put("ProcessId", 4242L);
        return row;
    }

    @Test
    void aHuntingQuerySendsItsWindowAsTimespanAndReadsGraphsLowerCaseAnswer() {
        Instant start = now.minus(Duration.ofMinutes(10));

        HuntingQueryResult result = client.runHuntingQuery(table + " | project Timestamp, FileName, ProcessId",
                start, now.plusSeconds(1));

        assertThat(result.schema()).extracting(HuntingQueryResult.Column::name, HuntingQueryResult.Column::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Timestamp", "DateTime"),
                        org.assertj.core.groups.Tuple.tuple("FileName", "String"),
                        org.assertj.core.groups.Tuple.tuple("ProcessId", "Int64"));
        assertThat(result.results()).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("FileName", "recent.exe"));
        SimulatorCall call = last(CallFilter.family("graphhunting"));
        assertThat(call.path()).isEqualTo("/v1.0/security/runHuntingQuery");
        assertThat(call.body()).contains("\"Query\":\"" + table).contains("\"Timespan\":\"" + start + "/");
    }

    @Test
    void itsTokenIsRequestedForGraphsScopeWithTheSameCredentials() {
        client.runHuntingQuery(table, now.minusSeconds(600), now);

        assertThat(admin.calls(CallFilter.family("token"))).extracting(c -> URLDecoder.decode(c.body(),
                StandardCharsets.UTF_8)).anySatisfy(body -> assertThat(body)
                        .contains("client_id=local-dev-client", "scope=https://graph.microsoft.com/.default"));
    }

    @Test
    void a429IsRetriedNoSoonerThanItsRetryAfterAndOnlyTheGraphFamilyWaits() {
        admin.addFault(SimulatorFault.rateLimit("graphhunting", 1, 1));

        assertThat(client.runHuntingQuery(table, now.minusSeconds(600), now).results()).hasSize(1);

        List<SimulatorCall> calls = admin.calls(CallFilter.family("graphhunting").pathContains("runHuntingQuery"))
                .stream().filter(c -> c.body() != null && c.body().contains(table)).toList();
        assertThat(calls).extracting(SimulatorCall::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBlankQueryOrAnInvertedWindowIsRefusedUnsent() {
        assertThatThrownBy(() -> client.runHuntingQuery(" ", now.minusSeconds(1), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.runHuntingQuery(table, now, now.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SimulatorCall last(CallFilter filter) {
        List<SimulatorCall> calls = admin.calls(filter);
        assertThat(calls).as("calls matching %s", filter).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
