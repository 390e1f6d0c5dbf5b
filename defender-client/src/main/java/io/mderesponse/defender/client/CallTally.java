package io.mderesponse.defender.client;

/**
 * Counts the requests this thread sends to Defender (retries and 429s included) while it is open, e.g. to
 * measure the calls one alert cost:
 *
 * <pre>{@code
 * try (CallTally tally = CallTally.start()) {
 *     enrich(alert);
 *     callsPerAlert.record(tally.calls());
 * }
 * }</pre>
 *
 * Tallies nest; each counts every request made while it is open.
 */
public final class CallTally implements AutoCloseable {

    private static final ThreadLocal<CallTally> CURRENT = new ThreadLocal<>();

    private final CallTally outer;
    private int calls;

    private CallTally(CallTally outer) {
        this.outer = outer;
    }

    /** Opens a tally on this thread; close it on the same thread. */
    public static CallTally start() {
        CallTally tally = new CallTally(CURRENT.get());
        CURRENT.set(tally);
        return tally;
    }

    /** Requests sent on this thread since this tally was opened. */
    public int calls() {
        return calls;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    static void count() {
        for (CallTally tally = CURRENT.get(); tally != null; tally = tally.outer) {
            tally.calls++;
        }
    }
}
