package io.mderesponse.simulator.hunting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.simulator.error.JsonBodies;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;

/** {@code POST /api/advancedqueries/run} with {@code {"Query":"..."}}. */
@Path("/api/advancedqueries")
public class HuntingResource {

    private final HuntingService hunting;
    private final ObjectMapper mapper;
    private final Clock clock;

    public HuntingResource(HuntingService hunting, ObjectMapper mapper, Clock clock) {
        this.hunting = hunting;
        this.mapper = mapper;
        this.clock = clock;
    }

    @POST
    @Path("run")
    public HuntingService.Result run(String body) {
        String query = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Query");
        return hunting.run(query, clock.instant());
    }
}
