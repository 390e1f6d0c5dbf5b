package io.mderesponse.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the response service carries out machine action requests and follows the actions to their end. */
@ConfigMapping(prefix = "response")
public interface ResponseConfig {

    /**
     * How long to follow a machine action that is still Pending or InProgress before reporting it as
     * {@code TimeOut}, counted from when the action became known. Defender itself may take minutes when a
     * device is slow to check in.
     */
    @WithDefault("15m")
    Duration actionTimeout();

    /** The first wait between two reads of a pending action; it doubles up to {@link #pollMax()}. */
    @WithDefault("1s")
    Duration pollInitial();

    /** The longest wait between two reads of a pending action. */
    @WithDefault("15s")
    Duration pollMax();

    /**
     * The first wait before a held request is tried again (Defender throttling or unavailable, a refused
     * authorisation, Kafka unreachable); it doubles up to {@link #retryMax()}. Consumption stays paused meanwhile.
     */
    @WithDefault("5s")
    Duration retryInitial();

    /** The longest wait between two tries of a held request; also the period of retries after a 401 or 403. */
    @WithDefault("2m")
    Duration retryMax();

    /**
     * How long after a call that got no clear answer (the service died during it, a timeout, a 5xx) Defender may
     * still show the action it started. Within it, the request's action is looked for in Defender's list, never
     * requested again; after it, with none found, the call is made again. Keep it above
     * {@code defender.api.connect-timeout} + {@code defender.api.read-timeout}.
     */
    @WithDefault("2m")
    Duration inFlightGrace();

    /**
     * How long a request of a kind other than isolation waits for the actions before it in its decision's plan
     * to begin (an intent, progress or result of theirs known to the service) before Defender is called for it
     * anyway, with a warning and {@code response_order_wait_expired_total}. The wait keeps the rule's order (e.g.
     * isolate before collecting the package) although the requests travel on different topics; it pauses no
     * consumption.
     */
    @WithDefault("5m")
    Duration orderWait();

    /**
     * How long a completed request is remembered after its result was published, so a redelivered request is
     * answered from the record instead of calling Defender again; then it is removed. At least the retention of
     * {@code defender.actions.requested} (Kafka's default: 7 days), since only a record still on its topic can be
     * delivered again.
     */
    @WithDefault("7d")
    Duration completedRetention();
}
