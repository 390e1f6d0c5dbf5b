package io.mderesponse.defender.client.retry;

import java.time.Duration;

/** Waits between attempts; a seam so unit tests need not wait. */
@FunctionalInterface
public interface Sleeper {

    /** The real one: blocks the calling (worker) thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
