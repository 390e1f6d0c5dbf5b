package io.mderesponse.defender.client;

import io.mderesponse.defender.client.budget.CallPriority;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call uses the budget: its priority, and how long it may wait for a token (unset:
 * {@code defender.budget.max-wait}).
 *
 * <pre>{@code
 * defender.getAlert(alertId, CallOptions.low().withMaxWait(Duration.ZERO)); // now or never
 * }</pre>
 */
public record CallOptions(CallPriority priority, Duration maxWait) {

    private static final CallOptions NORMAL = new CallOptions(CallPriority.NORMAL, null);
    private static final CallOptions LOW = new CallOptions(CallPriority.LOW, null);
    private static final CallOptions HIGH = new CallOptions(CallPriority.HIGH, null);

    public CallOptions {
        Objects.requireNonNull(priority, "priority");
        if (maxWait != null && maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
        }
    }

    /** Normal priority, the configured longest wait: what every call without options uses. */
    public static CallOptions normal() {
        return NORMAL;
    }

    /** Low priority, the configured longest wait. */
    public static CallOptions low() {
        return LOW;
    }

    public static CallOptions of(CallPriority priority) {
        return switch (priority) {
            case HIGH -> HIGH;
            case NORMAL -> NORMAL;
            case LOW -> LOW;
        };
    }

    /** These options waiting at most {@code wait} for a token ({@code Duration.ZERO}: only if one is free now). */
    public CallOptions withMaxWait(Duration wait) {
        return new CallOptions(priority, Objects.requireNonNull(wait, "wait"));
    }

    /** The longest wait for a token, if set here. */
    public Optional<Duration> maxWaitIfSet() {
        return Optional.ofNullable(maxWait);
    }
}
