package io.mderesponse.service.processing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How every consuming channel of a service processes its records ({@link KeyedProcessing}): several at once, in
 * order per record key, and how a stop treats the records in flight.
 */
@ConfigMapping(prefix = "processing")
public interface ProcessingConfig {

    /**
     * Records of one channel processed at the same time (of different keys; one key's records always one after
     * the other). Most of a record's time is spent waiting for Kafka or Defender, so this is well above the cores.
     */
    @WithDefault("16")
    int workers();

    /**
     * Of the {@code workers}, how many only HIGH-urgency records may use (enrichment: High alerts). Less urgent
     * records then never occupy every worker, so a High alert queued behind Medium ones that wait for Defender
     * budget still starts at once. 0 (the default) keeps none; must be below {@code processing.workers}.
     */
    @WithDefault("0")
    int urgentWorkers();

    /**
     * Records of one channel read ahead and held in memory, waiting or in progress; beyond it the channel stops
     * reading (its consumer pauses) until records finish. Also how far ahead enrichment looks for High alerts.
     */
    @WithDefault("2000")
    int maxQueued();

    /**
     * A record that waited this long goes before records of higher priority, so Low alerts are never starved by a
     * stream of High ones.
     */
    @WithDefault("2m")
    Duration priorityAging();

    /**
     * On SIGTERM, how long records in progress may take to finish before the service stops anyway; records not
     * finished by then, and those not started, stay uncommitted and are read again after the restart.
     */
    @WithDefault("10s")
    Duration stopTimeout();
}
