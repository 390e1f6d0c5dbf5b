package io.mderesponse.poller.service;

/** What a whole poll did, for logs and metrics. */
public record PollSummary(int pages, int alertsRead, int published, int rejected, int duplicates,
        int forgotten, int forgottenReappeared, int restarts) {
}
