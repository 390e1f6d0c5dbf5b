package io.mderesponse.bench;

import java.util.List;
import java.util.Map;

/** What the benchmark measured, as written to {@code bench/target/bench-results.json}. */
final class Results {

    private Results() {
    }

    /** One stage's output rate while it worked, and the most records that waited in front of it. */
    record StageThroughput(String stage, String measuredOn, long records, double seconds, double perSecond,
            long maxInputLag) {
    }

    /**
     * @param perSecond alerts through all five stages: alerts / (last output of any stage - first alert published)
     */
    record Throughput(int alerts, int high, double seconds, double perSecond, List<StageThroughput> stages,
            String saturatesFirst, List<LagSampler.Sample> lagSamples, NotifierBurst notifierBurst) {

        /** The notifier's rate: emails (one per High alert) per second while it sent them. */
        @com.fasterxml.jackson.annotation.JsonProperty("emailsPerSecond")
        double emailsPerSecond() {
            return stages.stream().filter(s -> s.stage().equals("notifier-service")).mapToDouble(
                    StageThroughput::perSecond).findFirst().orElse(0);
        }
    }

    /** The notifier alone: a burst of results already on its input topic, emailed at SMTP speed. */
    record NotifierBurst(int results, double seconds, double emailsPerSecond) {
    }

    /** Milliseconds from one milestone to the next, over the alerts that reached both. */
    record StageLatency(String stage, String from, String to, Percentiles millis) {
    }

    record Latency(int alerts, int high, int ratePerSecond, double seedSeconds, String pollInterval,
            List<StageLatency> stages, ApiEconomy calls) {
    }

    /** Defender calls per family, per alert and per isolated machine. */
    record ApiEconomy(Map<String, Long> calls, Map<String, Double> perAlert, Map<String, Double> perIsolatedMachine,
            double totalPerAlert, double totalPerIsolatedMachine, long isolatedMachines) {

        static ApiEconomy of(Map<String, Long> calls, int alerts, long isolated) {
            Map<String, Double> perAlert = new java.util.TreeMap<>();
            Map<String, Double> perMachine = new java.util.TreeMap<>();
            calls.forEach((family, n) -> {
                perAlert.put(family, n / (double) alerts);
                perMachine.put(family, isolated == 0 ? 0 : n / (double) isolated);
            });
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            return new ApiEconomy(calls, perAlert, perMachine, total / (double) alerts,
                    isolated == 0 ? 0 : total / (double) isolated, isolated);
        }
    }

    /**
     * One storm under the limits.
     *
     * @param secondsToAllHighIsolated from the storm's alerts becoming visible to the last accepted isolate call of
     *     a High machine
     * @param secondsToAllHighSucceeded to the last {@code Succeeded} result of a High machine (pipeline only)
     * @param secondsToAllHandled to the last alert enriched (pipeline) or handled (naive flow)
     * @param alertsHandled alerts enriched (pipeline) or handled (naive flow) by then; the pipeline stops waiting
     *     when enrichment made no progress for three windows (low-severity alerts held for the next "hour")
     * @param minimumWindowsToAllHighIsolated the budget's lower bound for the same work, in rate-limit windows
     * @param minimumWindowsToAllHandled likewise for all of the storm's work
     */
    record Storm(String flow, int alerts, int machines, int high, double windowSeconds,
            double secondsToAllHighIsolated, Double secondsToAllHighSucceeded, double secondsToAllHandled,
            long alertsHandled, long highIsolated, long failedActions, List<String> failures, Map<String, Long> throttled,
            ApiEconomy calls, double minimumWindowsToAllHighIsolated, double minimumWindowsToAllHandled) {
    }

    /** Resident memory of one process, at rest after start and its peak during the scenarios. */
    record ProcessMemory(String stack, String process, String jvmOptions, long restMb, long peakMb) {
    }

    /** One goal of the issue against what was measured: reported, never asserted. */
    record Goal(String goal, String target, String measured, boolean met) {
    }
}
