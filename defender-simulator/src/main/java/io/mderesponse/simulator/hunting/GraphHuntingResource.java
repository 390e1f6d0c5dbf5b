package io.mderesponse.simulator.hunting;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.error.JsonBodies;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Graph's {@code POST /v1.0/security/runHuntingQuery} with {@code {"Query":"...","Timespan":"..."}}: the
 * same tables and KQL subset as Defender's endpoint, Graph's answer shape (lower-case {@code schema}/{@code results})
 * and {@link HuntingFormat#GRAPH value format}. Its token is checked for Graph's audience at the gate.
 */
@Path("/v1.0/security")
public class GraphHuntingResource {

    static final String CONTEXT =
            "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults";

    private final HuntingService hunting;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GraphHuntingResource(HuntingService hunting, ObjectMapper mapper, Clock clock) {
        this.hunting = hunting;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One column as Graph names it. */
    public record Column(String name, String type) {
    }

    /** Graph's {@code huntingQueryResults}. */
    public record Result(@JsonProperty("@odata.context") String context, List<Column> schema,
            List<Map<String, Object>> results) {
    }

    @POST
    @Path("runHuntingQuery")
    public Result run(String body) {
        ObjectNode json = JsonBodies.object(mapper, body);
        String query = JsonBodies.requiredString(json, "Query");
        Instant now = clock.instant();
        Timespan timespan = Timespan.parse(JsonBodies.optionalString(json, "Timespan").orElse(null), now);
        HuntingService.Answer answer = hunting.run(query, now, timespan);
        return new Result(CONTEXT, answer.schema().stream().map(c -> new Column(c.name(), c.type())).toList(),
                answer.rowsIn(HuntingFormat.GRAPH));
    }
}
