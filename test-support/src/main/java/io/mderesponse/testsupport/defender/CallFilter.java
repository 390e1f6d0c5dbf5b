package io.mderesponse.testsupport.defender;

/**
 * Which calls to read from the simulator's log; null parts match everything.
 *
 * <pre>{@code admin.calls(CallFilter.family("alerts").method("GET").pathContains(alertId))}</pre>
 */
public record CallFilter(String family, String method, String pathContains) {

    /** Every call. */
    public static CallFilter all() {
        return new CallFilter(null, null, null);
    }

    /** Calls of one API family, e.g. {@code alerts}, {@code isolate}, {@code token}. */
    public static CallFilter family(String family) {
        return new CallFilter(family, null, null);
    }

    /** Calls whose path contains the text (case-insensitive). */
    public static CallFilter path(String pathContains) {
        return new CallFilter(null, null, pathContains);
    }

    public CallFilter method(String method) {
        return new CallFilter(family, method, pathContains);
    }

    public CallFilter pathContains(String text) {
        return new CallFilter(family, method, text);
    }
}
