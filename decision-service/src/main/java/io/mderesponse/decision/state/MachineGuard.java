package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The last isolation requested for a machine (the machine window), keyed by machine id in
 * {@code defender.internal.decision.guards}.
 *
 * @param status PENDING until its result arrives; ENDED when it ended so that the window applies; CLEARED when
 *     nothing holds the machine any more (released, or the isolation failed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineGuard(String machineId, UUID requestId, UUID decisionId, Instant isolatedAt, Status status) {

    public enum Status { PENDING, ENDED, CLEARED }

    public MachineGuard withStatus(Status newStatus) {
        return new MachineGuard(machineId, requestId, decisionId, isolatedAt, newStatus);
    }
}
