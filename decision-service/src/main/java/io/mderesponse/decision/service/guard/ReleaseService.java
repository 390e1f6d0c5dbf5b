package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.decision.messaging.DecisionPublisher;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.reload.RulesRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * An operator's release of a machine: a {@code RELEASED} decision naming who asked, then an Unisolate request
 * whose id derives from that decision. The machine window is reset when the Unisolate succeeds.
 */
@ApplicationScoped
public class ReleaseService {

    private static final Logger LOG = Logger.getLogger(ReleaseService.class);
    public static final int MAX_COMMENT = 500;

    private final DecisionPublisher publisher;
    private final RulesRuntime rules;

    public ReleaseService(DecisionPublisher publisher, RulesRuntime rules) {
        this.publisher = publisher;
        this.rules = rules;
    }

    public Decision release(String machineId, String requestedBy, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        String text = SafeText.singleLine(comment, MAX_COMMENT);
        DecisionMade release = DecisionMade.release(machineId, requestedBy, rules.active().current().version(),
                List.of(), "Released by " + requestedBy + ": " + text);
        String defenderComment = "MDE Response: Unisolate requested by " + requestedBy + ": " + text + " [request "
                + RequestIds.forDecision(release, MachineActionType.Unisolate) + "]";
        Decision decision = new Decision(release, List.of(MachineActionRequested.of(release,
                MachineActionType.Unisolate, machineId, defenderComment)));
        publisher.publish(decision);
        LOG.infof("Release of machine=%s requested by %s: decision %s", machineId, requestedBy,
                release.decisionId());
        return decision;
    }
}
