package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.DefenderUnauthorizedException;
import io.mderesponse.defender.client.error.DefenderUnexpectedStatusException;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.response.defender.DefenderActions;
import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import io.mderesponse.response.service.HandlingOutcome.Waiting;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.state.ResponseState;
import io.mderesponse.response.state.StateWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * The idempotent handler of a machine action request of any kind (isolation as a v1 request, every other kind as
 * a {@code ResponseActionRequested}; both as an {@link ActionRequest}): it first asks "what do we already know of
 * this request id?", and calls Defender only when the answer allows it.
 *
 * <ol>
 *   <li>Its result is out: nothing to do, whatever the number of deliveries.</li>
 *   <li>Defender has its action: make sure it is followed.</li>
 *   <li>A call was begun before (an intent without an action): look for the action carrying the request id in
 *       Defender's list and adopt it. Found none: wait while that call may still take effect
 *       ({@code response.in-flight-grace}), and only then call again.</li>
 *   <li>Otherwise, once every action before it in its decision's plan has begun (or after
 *       {@code response.order-wait}), record the intent (acknowledged by Kafka), then call.</li>
 * </ol>
 *
 * A call whose answer says Defender did not act (401, 403, 429, 400, 404) is remembered in memory, so its retry
 * needs no grace; after a restart nothing is assumed and the grace applies. A 403 is an outcome for every kind but
 * isolation ({@code Rejected}, naming the missing permission): a tenant may grant isolation and not scans, and the
 * service stays ready; for isolation, the service's first duty, it holds the request as it always did.
 */
public final class RequestHandler {

    private static final Logger LOG = Logger.getLogger(RequestHandler.class);
    /** How far back another party's pending action is looked for, to name it in an AlreadyPending result. */
    static final Duration PENDING_LOOKBACK = Duration.ofDays(7);

    private final ResponseState state;
    private final Runnable catchUp;
    private final StateWriter writer;
    private final DefenderActions defender;
    private final ActionFinder finder;
    private final Consumer<RequestProgress> tracker;
    private final RequestCompletion completion;
    private final Duration inFlightGrace;
    private final Duration orderWait;
    private final ResponseMetrics metrics;
    private final Clock clock;
    /** Requests whose last call Defender answered without acting on it. */
    private final Set<UUID> answeredWithoutAction = ConcurrentHashMap.newKeySet();
    /** Requests found waiting for an earlier action of their plan, with when that was first seen. */
    private final Map<UUID, OrderWait> orderWaits = new ConcurrentHashMap<>();

    /**
     * @param orderWait how long a request waits for the actions before it in its plan to begin
     *     ({@code response.order-wait})
     */
    public RequestHandler(ResponseState state, Runnable catchUp, StateWriter writer, DefenderActions defender,
            Consumer<RequestProgress> tracker, RequestCompletion completion, Duration inFlightGrace,
            Duration orderWait, ResponseMetrics metrics, Clock clock) {
        this.state = state;
        this.catchUp = catchUp;
        this.writer = writer;
        this.defender = defender;
        this.finder = new ActionFinder(defender);
        this.tracker = tracker;
        this.completion = completion;
        this.inFlightGrace = inFlightGrace;
        this.orderWait = orderWait;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Handles one delivery of a request. Throws only for a request that can never be carried out (it goes to the
     * dead letter topic); everything that may pass is {@link Held}, and a request whose plan's earlier actions
     * have not begun is {@link Waiting}.
     */
    public HandlingOutcome handle(ActionRequest request) {
        try {
            return decide(request);
        } catch (DefenderApiException e) {
            if (e instanceof DefenderUnauthorizedException || e instanceof DefenderForbiddenException
                    || e.isTransient() || e instanceof DefenderMalformedResponseException) {
                return held(e);
            }
            throw new IllegalStateException("Defender refused a call the response service needs for request "
                    + request.requestId() + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            return new Held(HoldKind.TRANSIENT, "Kafka: " + e.getMessage(), null, null);
        }
    }

    private HandlingOutcome decide(ActionRequest delivered) {
        UUID id = delivered.requestId();
        catchUp.run();
        Optional<RequestProgress> progress = state.progress(id);
        if (progress.isPresent()) {
            orderWaits.remove(id);
            if (progress.get().isCompleted()) {
                LOG.infof("Request %s (%s of machine=%s) was completed before (%s); not acted on again", id,
                        delivered.kind().wireName(), delivered.machineId(), progress.get().status());
            } else {
                tracker.accept(progress.get());
            }
            return HandlingOutcome.DONE;
        }
        Optional<RequestIntent> intent = state.intent(id);
        if (intent.isPresent() && !answeredWithoutAction.contains(id)) {
            RequestIntent earlier = intent.get();
            Optional<MachineAction> found = finder.startedBy(earlier);
            if (found.isPresent()) {
                return adopt(earlier, found.get(), "Recovered the action of an earlier call");
            }
            Instant graceEnds = earlier.attemptedAt().plus(inFlightGrace);
            if (clock.instant().isBefore(graceEnds)) {
                return new Held(HoldKind.TRANSIENT, "call " + earlier.attempt() + " for request " + id + " began at "
                        + earlier.attemptedAt() + " without a clear answer and no action of it is listed yet; "
                        + "looking again, and calling again only after " + graceEnds, null, null);
            }
            LOG.warnf("No action of request %s (machine=%s) is listed %s after call %d began; calling Defender again",
                    id, earlier.machineId(), inFlightGrace, earlier.attempt());
        }
        if (intent.isEmpty()) {
            Optional<Waiting> waiting = awaitOrder(delivered);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        return attempt(intent.map(RequestIntent::action).orElse(delivered), intent);
    }

    /**
     * Whether the request must wait for an action before it in its plan: one that has neither an intent nor
     * progress in the state (shared by every replica; caught up just before) has not begun. Waits at most
     * {@code response.order-wait} from when it was first found waiting, then lets the request go with a warning.
     */
    private Optional<Waiting> awaitOrder(ActionRequest request) {
        UUID id = request.requestId();
        List<UUID> notBegun = request.mustFollow().stream()
                .filter(earlier -> state.intent(earlier).isEmpty() && state.progress(earlier).isEmpty()).toList();
        if (notBegun.isEmpty()) {
            OrderWait waited = orderWaits.remove(id);
            if (waited != null && !waited.expired()) {
                LOG.infof("The actions before %s have begun; it goes on after %s", request.describe(),
                        Duration.between(waited.since(), clock.instant()));
            }
            return Optional.empty();
        }
        Instant now = clock.instant();
        OrderWait waited = orderWaits.computeIfAbsent(id, key -> new OrderWait(now, false));
        Instant until = waited.since().plus(orderWait);
        if (waited.expired()) {
            return Optional.empty();
        }
        if (now.isBefore(until)) {
            if (waited.since().equals(now)) {
                LOG.infof("%s waits for %s of its plan to begin first (at most until %s)", request.describe(),
                        notBegun, until);
            }
            return Optional.of(new Waiting(request.describe() + " waits for " + notBegun + " to begin", until));
        }
        orderWaits.put(id, new OrderWait(waited.since(), true));
        metrics.orderWaitExpired(request.kind());
        LOG.warnf("%s: the actions %s before it in its plan have not begun %s after it arrived; calling Defender "
                + "anyway, out of the plan's order", request.describe(), notBegun, orderWait);
        return Optional.empty();
    }

    private HandlingOutcome attempt(ActionRequest request, Optional<RequestIntent> previous) {
        Instant now = clock.instant();
        RequestIntent intent = previous.map(p -> p.next(now)).orElseGet(() -> RequestIntent.first(request, now));
        writer.recordIntent(intent);
        UUID id = intent.requestId();
        answeredWithoutAction.remove(id);
        LOG.infof("Calling Defender: %s correlation=%s call=%d", request.describe(), request.correlationId(),
                intent.attempt());
        MachineAction started;
        try {
            started = defender.start(request, RequestComments.of(request));
        } catch (ActionAlreadyInProgressException e) {
            answeredWithoutAction.add(id);
            return alreadyInProgress(intent, e);
        } catch (DefenderNotFoundException e) {
            answeredWithoutAction.add(id);
            return settle(intent, FinalStatus.Rejected, "Defender does not know machine " + request.machineId()
                    + target(e));
        } catch (DefenderBadRequestException | DefenderUnexpectedStatusException e) {
            answeredWithoutAction.add(id);
            return settle(intent, FinalStatus.Rejected, "Defender refused the request: HTTP " + e.httpStatus()
                    + e.errorCode().map(code -> " " + code).orElse("")
                    + e.errorMessage().map(message -> " " + message).orElse("") + target(e));
        } catch (DefenderForbiddenException e) {
            answeredWithoutAction.add(id);
            return request.kind().isIsolation() ? held(e) : permissionMissing(intent, e);
        } catch (DefenderUnauthorizedException | DefenderThrottledException e) {
            answeredWithoutAction.add(id);
            return held(e);
        } catch (DefenderApiException e) {
            // A 5xx, no answer, or an unreadable 2xx: Defender may have acted. The next try looks before calling.
            return new Held(HoldKind.TRANSIENT, e.getMessage(), null, null);
        }
        if (!RequestComments.names(started.requestorComment(), request)) {
            // A repeat answered with the action already pending (documented for unisolate, scan, restrict): not an
            // action for this request, whose comment always carries its id.
            return settle(intent, FinalStatus.AlreadyPending, "Defender already has a " + request.defenderType()
                    + " in progress for this machine: it answered with " + describe(started)
                    + " instead of starting one");
        }
        return adopt(intent, started, "Started");
    }

    private static String describe(MachineAction action) {
        return "action " + action.id() + " requested by " + action.requestor() + " at "
                + action.creationDateTimeUtc() + " (" + action.status() + ")";
    }

    /**
     * A 403 for a kind other than isolation: the tenant has not granted the kind's permission. An outcome
     * (Rejected, the permission named, counted), not a failure of the service: its readiness stays UP and the
     * other kinds go on.
     */
    private HandlingOutcome permissionMissing(RequestIntent intent, DefenderForbiddenException e) {
        ActionRequest request = intent.action();
        metrics.permissionMissing(request.kind());
        LOG.warnf("Defender refused %s: the application lacks the permission %s; the request is Rejected. Grant "
                + "it to the app registration for this kind of action to be carried out", request.describe(),
                request.kind().permission());
        return settle(intent, FinalStatus.Rejected, "Defender refused " + request.defenderType()
                + ": the application lacks the permission " + request.kind().permission() + " (HTTP "
                + e.httpStatus() + e.errorCode().map(code -> " " + code).orElse("")
                + e.errorMessage().map(message -> " " + message).orElse("") + ")" + target(e));
    }

    private HandlingOutcome alreadyInProgress(RequestIntent intent, ActionAlreadyInProgressException e) {
        ActionRequest request = intent.action();
        List<MachineAction> pending = finder.pending(request, clock.instant().minus(PENDING_LOOKBACK));
        Optional<MachineAction> ours = pending.stream()
                .filter(action -> RequestComments.names(action.requestorComment(), request)).findFirst();
        if (ours.isPresent()) {
            return adopt(intent, ours.get(), "Recovered the pending action of an earlier call");
        }
        String other = pending.isEmpty() ? "" : ": " + describe(pending.get(0));
        return settle(intent, FinalStatus.AlreadyPending, "Defender already has a " + request.defenderType()
                + " in progress for this machine" + other + target(e));
    }

    private HandlingOutcome adopt(RequestIntent intent, MachineAction action, String how) {
        RequestProgress progress = RequestProgress.tracking(intent.action(), action.id(), intent.firstAttemptAt(),
                clock.instant());
        writer.recordProgress(progress);
        orderWaits.remove(intent.requestId());
        LOG.infof("%s: %s action=%s status=%s", how, intent.action().describe(), action.id(), action.status());
        tracker.accept(progress);
        return HandlingOutcome.DONE;
    }

    private HandlingOutcome settle(RequestIntent intent, FinalStatus status, String reason) {
        completion.complete(intent.action(), null, status, reason, intent.firstAttemptAt());
        answeredWithoutAction.remove(intent.requestId());
        orderWaits.remove(intent.requestId());
        return HandlingOutcome.DONE;
    }

    private static Held held(DefenderApiException e) {
        if (e instanceof DefenderForbiddenException forbidden) {
            return new Held(HoldKind.AUTHORIZATION, e.getMessage(), forbidden.requiredPermission(), null);
        }
        if (e instanceof DefenderUnauthorizedException) {
            return new Held(HoldKind.AUTHORIZATION, e.getMessage(), null, null);
        }
        Duration notBefore = e instanceof DefenderThrottledException throttled
                ? throttled.retryAfter().orElse(null) : null;
        return new Held(HoldKind.TRANSIENT, e.getMessage(), null, notBefore);
    }

    private static String target(DefenderApiException e) {
        return e.target().map(target -> " (Defender correlation " + target + ")").orElse("");
    }

    /** Since when a request waits for its plan's order; expired once it went ahead without it. */
    private record OrderWait(Instant since, boolean expired) {
    }
}
