package io.mderesponse.response.service;

import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.response.defender.DefenderActions;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Looks in Defender's list of a machine's actions for the one a request started: its comment carries the request
 * id. This is how a call whose answer was lost (the service died, the answer timed out) is recovered instead of
 * repeated. Only actions of the request's Defender type ({@code Isolate}, {@code RunAntiVirusScan}, ...) count.
 */
public final class ActionFinder {

    /** Looked for from this long before the first call, for clocks that disagree with Defender's. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private static final Comparator<MachineAction> OLDEST_FIRST = Comparator.comparing(
            MachineAction::creationDateTimeUtc, Comparator.nullsLast(Comparator.naturalOrder()));

    private final DefenderActions defender;

    public ActionFinder(DefenderActions defender) {
        this.defender = defender;
    }

    /** The action carrying the intent's request id, the oldest if there were several. */
    public Optional<MachineAction> startedBy(RequestIntent intent) {
        ActionRequest request = intent.action();
        return actions(request, intent.firstAttemptAt().minus(CLOCK_SKEW)).stream()
                .filter(action -> RequestComments.names(action.requestorComment(), request))
                .min(OLDEST_FIRST);
    }

    /**
     * The machine's actions of the request's type created since {@code since} that are still Pending or
     * InProgress, oldest first.
     */
    public List<MachineAction> pending(ActionRequest request, Instant since) {
        return actions(request, since).stream().filter(action -> !action.status().isFinal())
                .sorted(OLDEST_FIRST).toList();
    }

    private List<MachineAction> actions(ActionRequest request, Instant since) {
        // The list is asked for this type already; checked again, as a list that ignored the filter must not
        // make another type's action ours.
        return defender.actionsOf(request.machineId(), request.kind(), since).stream()
                .filter(action -> action.typeIs(request.kind())).toList();
    }
}
