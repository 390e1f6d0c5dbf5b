package io.mderesponse.contracts.defender;

/**
 * Defender's alert severity. Constant names are the wire values, so {@code name()} and {@code valueOf} match
 * the API and the JSON; {@link #rank()} orders them for comparisons such as "raised".
 */
public enum Severity {
    UnSpecified(0),
    Informational(1),
    Low(2),
    Medium(3),
    High(4);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** 0 for {@code UnSpecified} up to 4 for {@code High}. */
    public int rank() {
        return rank;
    }

    public boolean isHigherThan(Severity other) {
        return rank > other.rank;
    }

    public boolean isAtLeast(Severity other) {
        return rank >= other.rank;
    }
}
