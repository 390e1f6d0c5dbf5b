package io.mderesponse.decision.rest;

import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.guard.ReleaseService;
import io.mderesponse.service.security.OperatorRoles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** An operator's release (unisolate) of a machine. Bearer token with role {@code soc-approver}. */
@Path("/machines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OperatorRoles.APPROVER)
public class ReleaseResource {

    private final ReleaseService releases;
    private final SecurityIdentity identity;

    public ReleaseResource(ReleaseService releases, SecurityIdentity identity) {
        this.releases = releases;
        this.identity = identity;
    }

    /** {@code comment} is required: it goes into the decision and Defender's comment. */
    public record ReleaseRequest(String comment) {
    }

    /** The release decision's id and the Unisolate request's id. */
    public record Released(UUID decisionId, UUID requestId) {
    }

    /** 202 with the ids; 400 for a machine id that is not 40 lowercase hex characters or a missing comment. */
    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response release(@PathParam("id") String machineId, ReleaseRequest request) {
        if (!DefenderIds.isValidMachineId(machineId)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApprovalsResource.Problem("not a machine id")).build();
        }
        if (request == null || request.comment() == null || request.comment().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApprovalsResource.Problem("a comment is required")).build();
        }
        Decision decision = releases.release(machineId, identity.getPrincipal().getName(), request.comment());
        return Response.accepted(new Released(decision.decision().decisionId(),
                decision.request().orElseThrow().requestId())).build();
    }
}
