package io.mderesponse.response.state;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.ResponseActionRequested;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the service records, and Kafka acknowledges, before each call to Defender for a request: enough for any
 * instance, after any crash, to look for the action that call may have started instead of calling again.
 *
 * <p>The record grew additively: records written before other kinds than isolation existed hold {@code type} and
 * {@code request} only, and still read (their kind is their type's). An isolation intent still fills both, so an
 * older instance reads it too; an intent of another kind has {@code kind} and {@code responseRequest} instead.
 *
 * @param type the v1 type of an isolation request; null for other kinds
 * @param attempt the number of calls begun for this request, this one included
 * @param firstAttemptAt when the first call began: actions are looked for from then on, and the action timeout
 *     counts from then
 * @param attemptedAt when the latest call began: the in-flight grace counts from then
 * @param request the whole v1 request (isolation), so its result can be published whatever happens to the record;
 *     null for other kinds
 * @param kind the action kind; null in records written before it (then {@code type}'s)
 * @param responseRequest the whole request of a kind other than isolation; null for isolation
 */
public record RequestIntent(
        UUID requestId,
        String machineId,
        MachineActionType type,
        int attempt,
        Instant firstAttemptAt,
        Instant attemptedAt,
        MachineActionRequested request,
        MachineActionKind kind,
        ResponseActionRequested responseRequest) {

    public RequestIntent {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        if ((request == null) == (responseRequest == null)) {
            throw new IllegalArgumentException("An intent holds its request: a MachineActionRequested or a "
                    + "ResponseActionRequested");
        }
        if (request != null) {
            Objects.requireNonNull(type, "type");
        }
        if (kind == null) {
            kind = request != null ? request.actionKind() : responseRequest.kind();
        }
    }

    /** The intent of the first call for {@code request}. */
    public static RequestIntent first(ActionRequest request, Instant now) {
        return new RequestIntent(request.requestId(), request.machineId(), request.kind().v1Type().orElse(null), 1,
                now, now, request.isolation(), request.kind(), request.response());
    }

    /** The intent of the next call for the same request. */
    public RequestIntent next(Instant now) {
        return new RequestIntent(requestId, machineId, type, attempt + 1, firstAttemptAt, now, request, kind,
                responseRequest);
    }

    /** The request, whichever event it came as. */
    public ActionRequest action() {
        return new ActionRequest(request, responseRequest);
    }
}
