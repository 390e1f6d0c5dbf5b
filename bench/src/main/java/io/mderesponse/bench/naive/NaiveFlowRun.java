package io.mderesponse.bench.naive;

import io.mderesponse.bench.naive.NaiveFlow.AlertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of the naive flow over a list of alerts: its progress while it runs, its outcomes when done. */
public final class NaiveFlowRun {

    /** A snapshot for the benchmark driver. */
    public record View(int alerts, int handled, boolean done, Instant started, Instant finished, String error,
            List<AlertOutcome> outcomes) {
    }

    private final int alerts;
    private final Instant started = Instant.now();
    private final List<AlertOutcome> outcomes = new ArrayList<>();
    private Instant finished;
    private String error;

    NaiveFlowRun(int alerts) {
        this.alerts = alerts;
    }

    synchronized void handled(AlertOutcome outcome) {
        outcomes.add(outcome);
    }

    synchronized void finished(String error) {
        this.finished = Instant.now();
        this.error = error;
    }

    /** Outcomes only once the run is over: the driver reads them once. */
    public synchronized View view() {
        boolean done = finished != null;
        return new View(alerts, outcomes.size(), done, started, finished, error,
                done ? List.copyOf(outcomes) : List.of());
    }
}
