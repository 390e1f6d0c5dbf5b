package io.mderesponse.hunting.service;

import java.time.Instant;

/** What the scheduler reports as it goes: metrics and health listen. */
public interface HuntingListener {

    /** A run ended: {@code outcome} is {@code success}, {@code rejected} (a 400), {@code failed} or {@code throttled}. */
    void ran(String queryId, String outcome);

    /** A run's rows were committed. */
    void committed(RunResult result);

    /** Hunting pauses until {@code until}; {@code reason} is {@code cpu-quota}, {@code request-quota} or {@code budget}. */
    void paused(PauseReason reason, Instant until);

    void resumed();

    HuntingListener NONE = new HuntingListener() {
        @Override
        public void ran(String queryId, String outcome) {
        }

        @Override
        public void committed(RunResult result) {
        }

        @Override
        public void paused(PauseReason reason, Instant until) {
        }

        @Override
        public void resumed() {
        }
    };
}
