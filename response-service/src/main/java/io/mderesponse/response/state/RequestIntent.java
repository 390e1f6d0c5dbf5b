package io.mderesponse.response.state;

import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the service records, and Kafka acknowledges, before each call to Defender for a request: enough for any
 * instance, after any crash, to look for the action that call may have started instead of calling again.
 *
 * @param attempt the number of calls begun for this request, this one included
 * @param firstAttemptAt when the first call began: actions are looked for from then on, and the action timeout
 *     counts from then
 * @param attemptedAt when the latest call began: the in-flight grace counts from then
 * @param request the whole request, so its result can be published whatever happens to the record
 */
public record RequestIntent(
        UUID requestId,
        String machineId,
        MachineActionType type,
        int attempt,
        Instant firstAttemptAt,
        Instant attemptedAt,
        MachineActionRequested request) {

    public RequestIntent {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(request, "request");
    }

    /** The intent of the first call for {@code request}. */
    public static RequestIntent first(MachineActionRequested request, Instant now) {
        return new RequestIntent(request.requestId(), request.machineId(), request.type(), 1, now, now, request);
    }

    /** The intent of the next call for the same request. */
    public RequestIntent next(Instant now) {
        return new RequestIntent(requestId, machineId, type, attempt + 1, firstAttemptAt, now, request);
    }
}
