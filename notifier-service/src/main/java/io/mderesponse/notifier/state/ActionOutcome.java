package io.mderesponse.notifier.state;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How one machine action of a decision's plan ended, as its result event said: what the plan's email shows for it.
 * Kept in the sent-log ({@link SentEntry.State#RESULT}) until the last result of the plan arrives. Its parameters
 * (scan type, file) are on the plan, not here.
 *
 * @param reason untrusted text, cut to {@link #REASON_MAX} characters when recorded; made safe when rendered
 * @param machineActionId Defender's id, untrusted text; null when Defender was never called
 */
public record ActionOutcome(UUID requestId, MachineActionKind kind, FinalStatus status, String reason,
        String machineActionId, Instant requestedAt, Instant completedAt) {

    /** The longest reason or machine action id kept (the email shows less). */
    public static final int REASON_MAX = 4000;

    public ActionOutcome {
        Objects.requireNonNull(requestId, "ActionOutcome.requestId");
        Objects.requireNonNull(kind, "ActionOutcome.kind");
        Objects.requireNonNull(status, "ActionOutcome.status");
        reason = cut(reason);
        machineActionId = cut(machineActionId);
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON_MAX ? text : text.substring(0, REASON_MAX);
    }
}
