package io.mderesponse.response.state;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionRequested;
import java.util.List;
import java.util.UUID;

/**
 * One machine action request as the response service carries it out, whichever event brought it: a v1
 * {@link MachineActionRequested} (isolate, unisolate) or a {@link ResponseActionRequested} (every other kind).
 * Exactly one of the two is set; everything the handler, the tracker and the state need is read through this one
 * type, so both kinds of request share one implementation of intent-first calls, recovery and tracking. The
 * result is published as the event type the request came as.
 *
 * @param isolation the v1 request, or null
 * @param response the request of another kind, or null
 */
public record ActionRequest(MachineActionRequested isolation, ResponseActionRequested response) {

    public ActionRequest {
        if ((isolation == null) == (response == null)) {
            throw new IllegalArgumentException("An action request is either a MachineActionRequested or a "
                    + "ResponseActionRequested");
        }
    }

    public static ActionRequest of(MachineActionRequested request) {
        return new ActionRequest(request, null);
    }

    public static ActionRequest of(ResponseActionRequested request) {
        return new ActionRequest(null, request);
    }

    /** Whether it came as a v1 {@link MachineActionRequested} (and its result goes out as one's completion). */
    public boolean isV1() {
        return isolation != null;
    }

    /** The event it came as, for log and trace context. */
    public Event event() {
        return isV1() ? isolation : response;
    }

    public UUID requestId() {
        return isV1() ? isolation.requestId() : response.requestId();
    }

    public String machineId() {
        return isV1() ? isolation.machineId() : response.machineId();
    }

    public String correlationId() {
        return event().correlationId();
    }

    public String comment() {
        return isV1() ? isolation.comment() : response.comment();
    }

    public MachineActionKind kind() {
        return isV1() ? isolation.actionKind() : response.kind();
    }

    /**
     * Defender's machine action {@code type} of the request, e.g. {@code RunAntiVirusScan}: what its action is
     * looked for as in the machine's action list; null for a kind this version does not know.
     */
    public String defenderType() {
        return kind().defenderType();
    }

    public IsolationType isolationType() {
        return isV1() ? isolation.isolationType() : null;
    }

    public ScanType scanType() {
        return isV1() ? null : response.scanType();
    }

    /** For {@code stopAndQuarantineFile}: the file's SHA-1 (checked by the event), else null. */
    public String sha1() {
        return isV1() ? null : response.sha1();
    }

    /** The action with its parameters, as the Defender client takes it. */
    public RequestedAction action() {
        return isV1() ? new RequestedAction(requestId(), kind(), isolationType(), null, null, null)
                : new RequestedAction(requestId(), kind(), null, response.scanType(), response.sha1(),
                        response.fileName());
    }

    /**
     * The request ids of the plan's actions that must have begun before Defender is called for this one: the
     * ones before it for a {@link ResponseActionRequested}; none for isolation, which decision-service puts first
     * and which never waits (a v1 request has always been carried out as it came).
     */
    public List<UUID> mustFollow() {
        return isV1() ? List.of() : response.before().stream().map(RequestedAction::requestId).toList();
    }

    /** E.g. {@code RunAntiVirusScan of machine=... request=...}, for logs. */
    public String describe() {
        return defenderType() + " of machine=" + machineId() + " request=" + requestId();
    }
}
