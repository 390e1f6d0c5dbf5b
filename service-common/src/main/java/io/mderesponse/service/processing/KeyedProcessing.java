package io.mderesponse.service.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.mderesponse.service.observability.RecordLogContext;
import io.mderesponse.service.observability.RecordTracing;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Processes the records of consuming channels concurrently: each channel gets a {@link KeyedWorkQueue}, so records
 * of different keys (machine id, or alert id before enrichment) run at the same time on worker threads, records of
 * one key one after the other in offset order, the most urgent first when the channel has more than it can start.
 *
 * <p>An adapter calls {@link #submit} from a non-blocking {@code @Incoming} method that takes the
 * {@code Message} (manual acknowledgement) and returns the stage {@code submit} gives: SmallRye delivers the next
 * record once that stage completes, i.e. at once while the channel's queue has room. The handler acknowledges or
 * nacks the record itself, usually out of offset order; the Kafka connector's {@code throttled} commit strategy
 * commits an offset only when every record before it is acknowledged, so a crash loses nothing.
 *
 * <p>Handlers run on Quarkus' worker pool in the record's own Vert.x context, so the log context and the trace of
 * the record follow it. On SIGTERM this bean stops every queue before anything else reacts to the shutdown (state
 * stores, the Kafka connector): records in progress, and waiting records below a started one of their partition,
 * get {@code processing.stop-timeout} to finish; other records not started are left unacknowledged, and a record
 * that fails while the service stops is left unacknowledged too (read again after the restart) instead of going to
 * the dead letter topic. The connector's own wait for unacknowledged records is off
 * ({@code graceful-shutdown=false}): this bean did the waiting, and what is left is left on purpose.
 */
@ApplicationScoped
@Startup // created at start, so bad processing.* settings stop the service then, not with the first record
public class KeyedProcessing {

    private static final Logger LOG = Logger.getLogger(KeyedProcessing.class);

    private final ProcessingConfig config;
    private final MeterRegistry registry;
    private final Map<String, KeyedWorkQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** For a record that arrives without a Vert.x context (unit tests outside Quarkus' messaging). */
    private final ExecutorService noContext = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "keyed-processing");
        thread.setDaemon(true);
        return thread;
    });

    public KeyedProcessing(ProcessingConfig config, MeterRegistry registry) {
        if (config.workers() < 1) {
            throw new IllegalArgumentException("processing.workers must be at least 1, was " + config.workers());
        }
        if (config.urgentWorkers() < 0 || config.urgentWorkers() >= config.workers()) {
            throw new IllegalArgumentException("processing.urgent-workers must be at least 0 and below "
                    + "processing.workers (" + config.workers() + "), was " + config.urgentWorkers());
        }
        this.config = config;
        this.registry = registry;
    }


    /**
     * Queues {@code handler} for {@code message} of {@code channel}, keyed by the record's key (else its
     * partition). The handler runs on a worker thread and returns the stage of its ack or nack.
     */
    public <T> CompletionStage<Void> submit(String channel, Message<T> message, Urgency urgency,
            Function<Message<T>, CompletionStage<Void>> handler) {
        KeyedWorkQueue queue = queue(channel);
        Message<T> guarded = message.withNackWithMetadata((failure, metadata) -> {
            if (stopping) {
                LOG.infof("A record of %s failed while the service stops (%s); it stays uncommitted and is read "
                        + "again after the restart instead of going to the dead letter topic", channel,
                        failure.getMessage());
                return CompletableFuture.completedFuture(null);
            }
            return message.nack(failure, metadata);
        });
        return queue.submit(keyOf(message), positionOf(message), urgency.ordinal(), executor(), () -> {
            // The record's own trace (its consumer span) is current while it is handled, so what the handler
            // publishes continues it, whichever thread runs it.
            RecordLogContext.enter(message);
            try (Scope trace = RecordTracing.of(message).map(io.opentelemetry.context.Context::makeCurrent)
                    .orElse(Scope.noop())) {
                return handler.apply(guarded);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A record of %s could not be processed; it goes to the dead letter topic", channel);
                return guarded.nack(e);
            }
        });
    }

    /** True once the service began to stop: a handler that waits (for budget, for a retry) should give up. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * What a handler returns when it gives up on a record because the service stops: the record is neither
     * acknowledged nor nacked, so its offset is not committed and it is read again after the restart.
     */
    public static CompletionStage<Void> leaveForRestart(String what) {
        LOG.infof("The service stops: %s stays uncommitted and is read again after the restart", what);
        return CompletableFuture.completedFuture(null);
    }

    /** The queue of {@code channel}, for tests and metrics. */
    public KeyedWorkQueue queue(String channel) {
        return queues.computeIfAbsent(channel, name -> {
            KeyedWorkQueue queue = new KeyedWorkQueue(name, config.workers(), config.urgentWorkers(),
                    Urgency.HIGH.ordinal(), config.maxQueued(), config.priorityAging(), System::nanoTime);
            Gauge.builder("messaging_records_waiting", queue, KeyedWorkQueue::waiting)
                    .description("Records read and waiting to be processed").tag("channel", name)
                    .register(registry);
            Gauge.builder("messaging_records_in_progress", queue, KeyedWorkQueue::running)
                    .description("Records being processed now").tag("channel", name).register(registry);
            return queue;
        });
    }

    /** First of all shutdown observers: stop taking records and let the ones in progress finish. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        queues.values().parallelStream().forEach(queue -> {
            if (queue.stop(config.stopTimeout())) {
                LOG.debugf("%s stopped with nothing in progress", queue.name());
            }
        });
        noContext.shutdown();
    }

    private Executor executor() {
        Context current = Vertx.currentContext();
        if (current == null) {
            return noContext;
        }
        // A duplicated context of its own per record: the MDC and the current trace live in the context, and the
        // channel's records would otherwise share (and overwrite) one while they run at the same time.
        Context context = VertxContext.createNewDuplicatedContext(current);
        return command -> context.executeBlocking(() -> {
            command.run();
            return null;
        }, false);
    }

    private static KeyedWorkQueue.Position positionOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> new KeyedWorkQueue.Position(metadata.getTopic() + "-" + metadata.getPartition(),
                        metadata.getOffset()))
                .orElse(null);
    }

    private static String keyOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getKey() != null ? "key:" + metadata.getKey()
                        : "partition:" + metadata.getTopic() + "-" + metadata.getPartition())
                .orElse("no-key");
    }
}
