package io.mderesponse.simulator.ratelimit;

/** How many calls of one family are allowed in one window and in 60 windows. */
public record RateLimit(int perWindow, int perHour) {
}
