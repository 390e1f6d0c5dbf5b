package io.mderesponse.service.observability;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.PublisherDecorator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts and times every record of every incoming connector channel ({@link MessagingMetrics}), and opens the log
 * context of the record ({@link RecordLogContext}) as it is handed to the service.
 *
 * <p>A decorator rather than an {@code IncomingInterceptor}: it knows the channel name, and it applies to every
 * channel without taking the place of an interceptor a service may declare for one of them.
 */
@ApplicationScoped
public class IncomingRecordObserver implements PublisherDecorator {

    private final MessagingMetrics metrics;
    private final Config config;
    private final Map<String, MessagingMetrics.Incoming> channels = new ConcurrentHashMap<>();

    public IncomingRecordObserver(MessagingMetrics metrics, Config config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public int getPriority() {
        // Outermost, so the time counts from the record's arrival.
        return 100;
    }

    @Override
    public Multi<? extends Message<?>> decorate(Multi<? extends Message<?>> publisher, List<String> channelName,
            boolean isConnector) {
        if (!isConnector || channelName.size() != 1 || !isIncomingConnector(channelName.get(0))) {
            return publisher;
        }
        MessagingMetrics.Incoming meters = channels.computeIfAbsent(channelName.get(0), metrics::incoming);
        return publisher.map(message -> observe(message, meters));
    }

    private boolean isIncomingConnector(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".connector", String.class).isPresent();
    }

    private static Message<?> observe(Message<?> message, MessagingMetrics.Incoming meters) {
        meters.in().increment();
        RecordLogContext.enter(message);
        long start = System.nanoTime();
        return message
                .withAckWithMetadata(metadata -> message.ack(metadata)
                        .thenRun(() -> meters.acked(start)))
                .withNackWithMetadata((failure, metadata) -> {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    message.nack(failure, metadata).whenComplete((ignored, nackFailure) -> {
                        // The nack of a dead-lettering channel completes once the dead letter is written.
                        meters.nacked(start, nackFailure == null);
                        if (nackFailure == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(nackFailure);
                        }
                    });
                    return done;
                });
    }
}
