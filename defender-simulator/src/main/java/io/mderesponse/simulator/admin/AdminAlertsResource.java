package io.mderesponse.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.alerts.AlertFactory;
import io.mderesponse.simulator.alerts.AlertStore;
import io.mderesponse.simulator.alerts.StoredAlert;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.odata.DateTimes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Admin: add alerts (optionally visible only later), update them, and list all of them, visible or not. */
@Path("/admin/alerts")
public class AdminAlertsResource {

    private final AlertStore alerts;
    private final AlertFactory factory;
    private final SampleData samples;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AdminAlertsResource(AlertStore alerts, AlertFactory factory, SampleData samples, ObjectMapper mapper,
            Clock clock) {
        this.alerts = alerts;
        this.factory = factory;
        this.samples = samples;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** How many sample alerts to raise, and how severe. */
    public record SampleRequest(Integer count, String severity) {
    }

    /** One alert object or an array; each may carry {@code visibleAfter} ({@code 30s}, {@code PT30S}). */
    @POST
    public List<ObjectNode> add(JsonNode body) {
        Instant now = clock.instant();
        List<StoredAlert> stored = AdminJson.objects(body).stream()
                .map(item -> factory.create((ObjectNode) item, now)).toList();
        stored.forEach(alerts::put);
        return stored.stream().map(this::view).toList();
    }

    @PATCH
    @Path("{id}")
    public ObjectNode update(@PathParam("id") String id, JsonNode changes) {
        StoredAlert old = alerts.find(id).orElseThrow(() -> ApiException.notFound("Alert " + id + " was not found"));
        StoredAlert updated = factory.update(old, (ObjectNode) AdminJson.objects(changes).get(0), clock.instant());
        alerts.put(updated);
        return view(updated);
    }

    @GET
    public List<ObjectNode> list() {
        return alerts.all().stream()
                .sorted(Comparator.comparing(a -> a.alert().alertCreationTime()))
                .map(this::view).toList();
    }

    /** Raises alerts on the known machines (for the local run); severity defaults to High. */
    @POST
    @Path("samples")
    public List<ObjectNode> samples(SampleRequest request) {
        int count = request == null || request.count() == null ? 1 : request.count();
        String severity = request == null || request.severity() == null ? "High" : request.severity();
        return add(samples.alerts(count, severity));
    }

    private ObjectNode view(StoredAlert stored) {
        ObjectNode node = mapper.valueToTree(stored.alert());
        node.put("visibleAt", DateTimes.format(stored.visibleAt()));
        return node;
    }
}
