package io.mderesponse.response.messaging;

import io.mderesponse.response.service.ConsumptionControl;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Pauses and resumes both request channels' Kafka consumers (every assigned partition). SmallRye keeps a paused
 * consumer paused across rebalances until it is resumed. Records are processed concurrently per machine, so
 * pausing is what keeps other machines' requests, of any kind, from reaching a Defender that refuses or fails:
 * the records already read wait in their queue.
 */
@ApplicationScoped
public class KafkaConsumption implements ConsumptionControl {

    private static final Logger LOG = Logger.getLogger(KafkaConsumption.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> CHANNELS = List.of(ActionRequestsConsumer.INCOMING,
            ActionRequestsConsumer.RESPONSE_INCOMING);

    private final KafkaClientService clients;

    public KafkaConsumption(KafkaClientService clients) {
        this.clients = clients;
    }

    @Override
    public void pause() {
        for (String channel : CHANNELS) {
            try {
                consumer(channel).pause().await().atMost(TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warnf("Could not pause the consumer of %s: %s", channel, e.getMessage());
            }
        }
    }

    @Override
    public void resume() {
        for (String channel : CHANNELS) {
            try {
                consumer(channel).resume().await().atMost(TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warnf("Could not resume the consumer of %s: %s", channel, e.getMessage());
            }
        }
    }

    private KafkaConsumer<Object, Object> consumer(String channel) {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
        if (consumer == null) {
            throw new IllegalStateException("no consumer for channel " + channel + " yet");
        }
        return consumer;
    }
}
