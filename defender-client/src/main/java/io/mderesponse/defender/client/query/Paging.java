package io.mderesponse.defender.client.query;

/** Checks {@code $top} and {@code $skip}: Defender answers 400 to a {@code $top} above 10,000. */
final class Paging {

    /** Defender's largest page. */
    static final int MAX_TOP = 10_000;

    private Paging() {
    }

    static int top(int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("$top must be 1 to " + MAX_TOP + ", got " + top);
        }
        return top;
    }

    static int skip(int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("$skip must not be negative, got " + skip);
        }
        return skip;
    }
}
