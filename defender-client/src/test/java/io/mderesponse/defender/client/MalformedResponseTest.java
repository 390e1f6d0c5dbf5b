package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.error.DefenderUnexpectedStatusException;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.defender.client.stub.StubDefender;
import io.mderesponse.defender.client.stub.StubDefenderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A 2xx whose body is not what Defender documents is a malformed response, reported with the reason and not
 * retried; a redirect is an unexpected status. The simulator has no fault that answers such bodies, so a
 * scripted stub server answers here.
 */
@QuarkusTest
@WithTestResource(StubDefenderResource.class)
class MalformedResponseTest {

    private static final String JSON = "application/json; odata.metadata=minimal; charset=utf-8";

    @Inject
    DefenderClient client;

    StubDefender stub;

    @Test
    void aBodyThatIsNotJsonIsMalformedWithTheParsersReason() {
        stub.answer("/api/alerts/not-json", 200, JSON, "{\"id\": da6374");

        assertThatThrownBy(() -> client.getAlert("not-json"))
                .isInstanceOfSatisfying(DefenderMalformedResponseException.class,
                        e -> assertThat(e.reason()).contains("Unrecognized token"));
        assertThat(callsTo("/api/alerts/not-json")).isEqualTo(1);
    }

    @Test
    void anHtmlPageWithStatus200IsMalformed() {
        stub.answer("/api/alerts/html", 200, "text/html", "<html><body>Sign in</body></html>");

        assertThatThrownBy(() -> client.getAlert("html"))
                .isInstanceOfSatisfying(DefenderMalformedResponseException.class,
                        e -> assertThat(e.reason()).contains("text/html"));
        assertThat(callsTo("/api/alerts/html")).isEqualTo(1);
    }

    @Test
    void jsonOfTheWrongShapeIsMalformed() {
        stub.answer("/api/alerts/no-id", 200, JSON, "{\"title\":\"an alert without id\"}");
        stub.answer("/api/alerts", 200, JSON, "{\"value\":42}");

        assertThatThrownBy(() -> client.getAlert("no-id")).isInstanceOf(DefenderMalformedResponseException.class)
                .hasMessageContaining("id is required");
        assertThatThrownBy(() -> client.listAlerts(AlertQuery.all()))
                .isInstanceOf(DefenderMalformedResponseException.class);
    }

    @Test
    void anEmptyBodyOrAListWithoutValueIsMalformed() {
        stub.answer("/api/alerts/empty", 200, JSON, "");
        stub.answer("/api/machineactions", 200, JSON, "{\"@odata.context\":\"x\"}");

        assertThatThrownBy(() -> client.getAlert("empty"))
                .isInstanceOfSatisfying(DefenderMalformedResponseException.class,
                        e -> assertThat(e.reason()).isEqualTo("empty body"));
        assertThatThrownBy(() -> client.listMachineActions(
                io.mderesponse.defender.client.query.MachineActionQuery.builder().build()))
                .isInstanceOfSatisfying(DefenderMalformedResponseException.class,
                        e -> assertThat(e.reason()).contains("value"));
    }

    @Test
    void aRedirectIsAnUnexpectedStatusAndIsNotFollowed() {
        stub.answer("/api/alerts/moved", 302, JSON, "");

        assertThatThrownBy(() -> client.getAlert("moved"))
                .isInstanceOfSatisfying(DefenderUnexpectedStatusException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(302));
        assertThat(callsTo("/api/alerts/moved")).isEqualTo(1);
    }

    private long callsTo(String path) {
        return stub.received().stream().filter(r -> r.path().equals(path)).count();
    }
}
