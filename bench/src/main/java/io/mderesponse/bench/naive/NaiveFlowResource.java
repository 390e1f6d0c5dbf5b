package io.mderesponse.bench.naive;

import io.mderesponse.defender.client.DefenderClient;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the naive flow over a list of alert ids ({@code POST /naive-flow/run}) on a thread of its own and reports
 * its progress ({@code GET /naive-flow/run}); the benchmark driver polls it. One run at a time.
 */
@Path("/naive-flow/run")
public class NaiveFlowResource {

    private final NaiveFlow flow;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "naive-flow"));
    private final AtomicReference<NaiveFlowRun> current = new AtomicReference<>();

    public NaiveFlowResource(DefenderClient defender) {
        this.flow = new NaiveFlow(defender);
    }

    @POST
    public Response start(List<String> alertIds) {
        if (alertIds == null || alertIds.isEmpty()) {
            throw new BadRequestException("A run needs a JSON array of alert ids");
        }
        NaiveFlowRun run = new NaiveFlowRun(alertIds.size());
        NaiveFlowRun previous = current.get();
        if (previous != null && !previous.view().done()) {
            return Response.status(Response.Status.CONFLICT).entity("A run is in progress").build();
        }
        current.set(run);
        runner.submit(() -> {
            try {
                flow.run(List.copyOf(alertIds), run);
                run.finished(null);
            } catch (RuntimeException e) {
                run.finished(e.toString());
            }
        });
        return Response.accepted().build();
    }

    @GET
    public NaiveFlowRun.View progress() {
        NaiveFlowRun run = current.get();
        if (run == null) {
            throw new NotFoundException("No run started");
        }
        return run.view();
    }
}
