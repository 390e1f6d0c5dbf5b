package io.mderesponse.decision.rest;

import io.mderesponse.decision.service.backtest.BacktestReport;
import io.mderesponse.decision.service.backtest.BacktestRunner;
import io.mderesponse.decision.service.reload.RulesRuntime;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.service.security.OperatorRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The rules over HTTP: the active rules and their version, checking a candidate file, and back-testing a
 * candidate over the retained enriched alerts. Candidates are sent as the raw file (any content type, e.g.
 * {@code application/yaml}); nothing here changes the active rules, which come from {@code rules.path} only.
 * Bearer token with role {@code soc-operator} (or {@code operator.auth=none} for a local run): the rules and a
 * back-test's matches name machines.
 */
@Path("/rules")
@RolesAllowed({OperatorRoles.OPERATOR, OperatorRoles.UNAUTHENTICATED_LOCAL})
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RulesRuntime rules;
    private final BacktestRunner backtests;

    public RulesResource(RulesRuntime rules, BacktestRunner backtests) {
        this.rules = rules;
        this.backtests = backtests;
    }

    @GET
    public RulesViews.ActiveView active() {
        return RulesViews.ActiveView.of(rules.active().current(), rules.active().rejection().orElse(null));
    }

    /** Always 200: {@code valid} says whether the file would be accepted, {@code errors} where it is wrong. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    public RulesViews.ValidationView validate(byte[] candidate) {
        return RulesViews.ValidationView.of(rules.parser().parse(candidate == null ? new byte[0] : candidate));
    }

    /**
     * 200 with the report; 400 with the validation errors when the candidate is invalid; 409 while another
     * back-test runs.
     */
    @POST
    @Path("/backtest")
    @Consumes(MediaType.WILDCARD)
    public Response backtest(byte[] candidate) {
        ParsedRuleFile parsed = rules.parser().parse(candidate == null ? new byte[0] : candidate);
        if (!parsed.valid()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(RulesViews.ValidationView.of(parsed)).build();
        }
        Optional<BacktestReport> report = backtests.run(parsed.ruleSet());
        if (report.isEmpty()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(new RulesViews.ProblemView("A back-test is already running; try again when it ends"))
                    .build();
        }
        return Response.ok(report.get()).build();
    }
}
