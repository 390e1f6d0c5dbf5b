package io.mderesponse.decision.rest;

import io.mderesponse.decision.service.guard.ApprovalService;
import io.mderesponse.decision.state.HeldDecision;
import io.mderesponse.service.security.OperatorRoles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decisions held by the cap: list (role {@code soc-operator} or {@code soc-approver}), approve and deny (role
 * {@code soc-approver}). Always a person's bearer token: {@code operator.auth=none} opens none of it.
 */
@Path("/approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OperatorRoles.APPROVER)
public class ApprovalsResource {

    private final ApprovalService approvals;
    private final SecurityIdentity identity;

    public ApprovalsResource(ApprovalService approvals, SecurityIdentity identity) {
        this.approvals = approvals;
        this.identity = identity;
    }

    /** A held decision as the approver sees it. */
    public record HeldView(UUID decisionId, String alertId, String title, String machineId, String computerDnsName,
            String ruleId, Instant heldAt, Instant expiresAt, String reason) {

        static HeldView of(HeldDecision held) {
            var d = held.held();
            return new HeldView(d.decisionId(), d.alert() == null ? null : d.alert().alertId(),
                    d.alert() == null ? null : d.alert().title(), d.machineId(),
                    d.alert() == null ? null : d.alert().computerDnsName(), d.ruleId(), held.heldAt(),
                    held.expiresAt(), d.reason());
        }
    }

    /** {@code decision}: {@code approve} or {@code deny}; {@code comment}: optional, recorded in the reason. */
    public record SettleRequest(String decision, String comment) {
    }

    @GET
    @RolesAllowed({OperatorRoles.APPROVER, OperatorRoles.OPERATOR})
    public List<HeldView> pending() {
        return approvals.pending().stream().map(HeldView::of).toList();
    }

    /** 204 when settled; 400 for another verb; 404 unknown; 409 already approved, denied or expired. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response settle(@PathParam("id") String id, SettleRequest request) {
        UUID decisionId;
        try {
            decisionId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (request == null || !("approve".equals(request.decision()) || "deny".equals(request.decision()))) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new Problem("decision must be \"approve\" or \"deny\"")).build();
        }
        String comment = request.comment() == null ? null
                : io.mderesponse.contracts.id.SafeText.singleLine(request.comment(), 500);
        switch (approvals.settle(decisionId, "approve".equals(request.decision()), identity.getPrincipal().getName(),
                comment)) {
            case NOT_FOUND:
                return Response.status(Response.Status.NOT_FOUND).build();
            case ALREADY_SETTLED:
                return Response.status(Response.Status.CONFLICT)
                        .entity(new Problem("already approved, denied or expired")).build();
            default:
                return Response.noContent().build();
        }
    }

    /** An error for people. */
    public record Problem(String error) {
    }
}
