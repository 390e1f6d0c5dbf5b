package io.mderesponse.defender.client.budget;

/**
 * How many calls of one family a process may make in one window ("minute") and in 60 windows ("hour").
 * Zero means none: the family is not this service's to call.
 */
public record FamilyLimit(int perMinute, int perHour) {

    public FamilyLimit {
        if (perMinute < 0 || perHour < 0) {
            throw new IllegalArgumentException("A call budget cannot be negative: " + perMinute + "/min, " + perHour
                    + "/h");
        }
    }

    /** This share divided among {@code replicas} processes, rounded down but never to zero if it was not. */
    public FamilyLimit dividedBy(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("defender.budget.replicas must be at least 1, got " + replicas);
        }
        return new FamilyLimit(divide(perMinute, replicas), divide(perHour, replicas));
    }

    public boolean none() {
        return perMinute == 0 || perHour == 0;
    }

    @Override
    public String toString() {
        return perMinute + "/min, " + perHour + "/h";
    }

    private static int divide(int value, int replicas) {
        return value == 0 ? 0 : Math.max(1, value / replicas);
    }
}
