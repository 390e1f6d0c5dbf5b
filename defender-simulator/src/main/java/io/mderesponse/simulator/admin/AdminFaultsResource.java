package io.mderesponse.simulator.admin;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.faults.Fault;
import io.mderesponse.simulator.faults.FaultKind;
import io.mderesponse.simulator.faults.FaultRegistry;
import io.mderesponse.simulator.faults.FaultSpec;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Admin: inject faults into API calls, list and remove them. */
@Path("/admin/faults")
public class AdminFaultsResource {

    private final FaultRegistry faults;

    public AdminFaultsResource(FaultRegistry faults) {
        this.faults = faults;
    }

    /** A fault in force; {@code remaining} is null when it lasts until removed. */
    public record FaultView(String id, String match, FaultKind kind, int status, String delay, int retryAfterSeconds,
            String errorCode, String message, Integer remaining) {

        static FaultView of(FaultRegistry.Active active) {
            Fault f = active.fault();
            return new FaultView(f.id(), f.match(), f.kind(), f.status(), f.delay().toString(), f.retryAfterSeconds(),
                    f.errorCode(), f.message(), active.remaining());
        }
    }

    @POST
    public Response add(FaultSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("A fault needs a body");
        }
        return Response.status(Response.Status.CREATED).entity(FaultView.of(faults.add(spec))).build();
    }

    @GET
    public List<FaultView> list() {
        return faults.list().stream().map(FaultView::of).toList();
    }

    @DELETE
    public void clear() {
        faults.clear();
    }

    @DELETE
    @Path("{id}")
    public void remove(@PathParam("id") String id) {
        if (!faults.remove(id)) {
            throw ApiException.notFound("Fault " + id + " was not found");
        }
    }
}
