package io.mderesponse.response.service;

import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.model.MachineAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Follows a machine action until Defender reports a final status, reading it with a doubling pause, or until
 * the timeout. Never reports success early: only Defender's {@code Succeeded} counts.
 */
public class ActionTracker {

    private final DefenderClient defender;
    private final Duration timeout;
    private final Duration initialPause;
    private final Duration maxPause;
    private final Clock clock;

    public ActionTracker(DefenderClient defender, Duration timeout, Duration initialPause, Duration maxPause,
            Clock clock) {
        this.defender = defender;
        this.timeout = timeout;
        this.initialPause = initialPause;
        this.maxPause = maxPause;
        this.clock = clock;
    }

    /** The action in a final status, or as last seen when the timeout passed. */
    public MachineAction follow(MachineAction started) {
        Instant deadline = clock.instant().plus(timeout);
        MachineAction current = started;
        Duration pause = initialPause;
        while (!isFinal(current) && clock.instant().isBefore(deadline)) {
            pause(min(pause, Duration.between(clock.instant(), deadline)));
            current = defender.getMachineAction(started.id());
            pause = min(pause.multipliedBy(2), maxPause);
        }
        return current;
    }

    public Duration timeout() {
        return timeout;
    }

    static boolean isFinal(MachineAction action) {
        return action.status() != null && action.status().isFinal();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while following a machine action", e);
        }
    }
}
