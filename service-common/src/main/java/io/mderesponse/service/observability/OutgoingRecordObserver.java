package io.mderesponse.service.observability;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.SubscriberDecorator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Counts the records of every outgoing connector channel that the broker acknowledged or refused. */
@ApplicationScoped
public class OutgoingRecordObserver implements SubscriberDecorator {

    private final MessagingMetrics metrics;
    private final Config config;
    private final Map<String, MessagingMetrics.Outgoing> channels = new ConcurrentHashMap<>();

    public OutgoingRecordObserver(MessagingMetrics metrics, Config config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public Multi<? extends Message<?>> decorate(Multi<? extends Message<?>> toBeSubscribed, List<String> channelName,
            boolean isConnector) {
        if (!isConnector || channelName.size() != 1 || config.getOptionalValue(
                "mp.messaging.outgoing." + channelName.get(0) + ".connector", String.class).isEmpty()) {
            return toBeSubscribed;
        }
        MessagingMetrics.Outgoing meters = channels.computeIfAbsent(channelName.get(0), metrics::outgoing);
        return toBeSubscribed.map(message -> message
                .withAckWithMetadata(metadata -> message.ack(metadata).thenRun(meters.out()::increment))
                .withNackWithMetadata((failure, metadata) -> {
                    meters.failed().increment();
                    return message.nack(failure, metadata);
                }));
    }
}
