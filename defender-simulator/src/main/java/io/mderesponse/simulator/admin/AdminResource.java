package io.mderesponse.simulator.admin;

import io.mderesponse.simulator.calls.CallLog;
import io.mderesponse.simulator.calls.RecordedCall;
import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.Settings;
import io.mderesponse.simulator.config.SettingsChange;
import io.mderesponse.simulator.ratelimit.ApiFamily;
import io.mderesponse.simulator.ratelimit.RateLimit;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Admin: reset, run-time settings, and the log of received calls. */
@Path("/admin")
public class AdminResource {

    private final SimulatorReset reset;
    private final RuntimeSettings settings;
    private final CallLog calls;

    public AdminResource(SimulatorReset reset, RuntimeSettings settings, CallLog calls) {
        this.reset = reset;
        this.settings = settings;
        this.calls = calls;
    }

    /** The settings in force, durations in ISO-8601. */
    public record SettingsView(String actionDelay, String actionOutcome, String actionInitialStatus,
            String repeatAnswer, String quarantineRepeat, String tokenLifetime, String rateLimitWindow,
            Map<String, RateLimit> rateLimits, List<String> roles) {

        static SettingsView of(Settings s) {
            Map<String, RateLimit> limits = new TreeMap<>();
            s.limits().forEach((family, limit) -> limits.put(family.wireName(), limit));
            return new SettingsView(s.actionDelay().toString(), s.actionOutcome().name(),
                    s.actionInitialStatus().name(), s.repeatAnswer().name(), s.quarantineRepeat().name(),
                    s.tokenLifetime().toString(), s.rateLimitWindow().toString(), limits, s.roles());
        }
    }

    @POST
    @Path("reset")
    public void reset() {
        reset.reset();
    }

    @GET
    @Path("settings")
    public SettingsView settings() {
        return SettingsView.of(settings.current());
    }

    @PUT
    @Path("settings")
    public SettingsView changeSettings(SettingsChange change) {
        return SettingsView.of(settings.change(change));
    }

    @GET
    @Path("calls")
    public List<RecordedCall.View> calls(@QueryParam("family") String family, @QueryParam("method") String method,
            @QueryParam("pathContains") String pathContains) {
        if (family != null && ApiFamily.byName(family).isEmpty() && !"other".equalsIgnoreCase(family)) {
            throw new IllegalArgumentException("Unknown family '" + family + "'");
        }
        return calls.find(family, method, pathContains);
    }

    @DELETE
    @Path("calls")
    public void clearCalls() {
        calls.clear();
    }
}
