package io.mderesponse.service.observability;

import io.mderesponse.service.deadletter.DeadLetterChannel;
import io.mderesponse.service.deadletter.DeadLetterChannels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-channel record metrics every service exposes on {@code /q/metrics}, so that dashboards and alerts read
 * the same names whatever the service:
 * <ul>
 * <li>{@code messaging_records_in_total{channel}}: records read from an incoming channel;</li>
 * <li>{@code messaging_records_out_total{channel}}: records the broker acknowledged on an outgoing channel;</li>
 * <li>{@code messaging_records_failed_total{channel,direction}}: records whose processing failed (in) or whose
 * send failed (out);</li>
 * <li>{@code messaging_records_dead_lettered_total{channel,topic}}: failed records written to the dead letter
 * topic;</li>
 * <li>{@code messaging_record_processing_seconds{channel,outcome}}: from reading a record to its acknowledgement
 * ({@code outcome=ack}) or its failure ({@code outcome=nack}), as a histogram.</li>
 * </ul>
 */
@ApplicationScoped
public class MessagingMetrics {

    public static final String IN = "messaging.records.in";
    public static final String OUT = "messaging.records.out";
    public static final String FAILED = "messaging.records.failed";
    public static final String DEAD_LETTERED = "messaging.records.dead.lettered";
    public static final String PROCESSING = "messaging.record.processing";

    /** Buckets of the processing histogram: a handful, from a fast hand-off to a long wait for Defender budget. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofMinutes(5)};

    private final MeterRegistry registry;
    private final DeadLetterChannels deadLetterChannels;

    public MessagingMetrics(MeterRegistry registry, DeadLetterChannels deadLetterChannels) {
        this.registry = registry;
        this.deadLetterChannels = deadLetterChannels;
    }

    /** The meters of one incoming channel, registered at once so that they read 0 before the first record. */
    public Incoming incoming(String channel) {
        Optional<DeadLetterChannel> deadLetters = deadLetterChannels.channel(channel);
        return new Incoming(
                Counter.builder(IN).description("Records read from the channel").tag("channel", channel)
                        .register(registry),
                failed(channel, "in"),
                deadLetters.map(d -> Counter.builder(DEAD_LETTERED)
                        .description("Records that failed and were written to the dead letter topic")
                        .tag("channel", channel).tag("topic", d.deadLetterTopic()).register(registry)).orElse(null),
                timer(channel, "ack"), timer(channel, "nack"));
    }

    /** The meters of one outgoing channel. */
    public Outgoing outgoing(String channel) {
        return new Outgoing(Counter.builder(OUT).description("Records the broker acknowledged")
                .tag("channel", channel).register(registry), failed(channel, "out"));
    }

    private Counter failed(String channel, String direction) {
        return Counter.builder(FAILED).description("Records whose processing (in) or send (out) failed")
                .tag("channel", channel).tag("direction", direction).register(registry);
    }

    private Timer timer(String channel, String outcome) {
        return Timer.builder(PROCESSING).description("Time from reading a record to its acknowledgement or failure")
                .tag("channel", channel).tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Meters of an incoming channel; {@code deadLettered} is null for a channel without a dead letter topic. */
    public record Incoming(Counter in, Counter failed, Counter deadLettered, Timer acked, Timer nacked) {

        void nacked(long startNanos, boolean deadLetterWritten) {
            nacked.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            failed.increment();
            if (deadLetterWritten && deadLettered != null) {
                deadLettered.increment();
            }
        }

        void acked(long startNanos) {
            acked.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Meters of an outgoing channel. */
    public record Outgoing(Counter out, Counter failed) {
    }
}
