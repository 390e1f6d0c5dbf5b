package io.mderesponse.poller.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.poller.messaging.TransactionalPublisher;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** One alert Defender writes in a shape the contract refuses neither blocks the poller nor gets lost. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(StubDefenderResource.class)
class MalformedAlertTest {

    @Test
    void aMalformedAlertGoesRawToTheDeadLetterTopicOnceAndTheOthersArePublished() {
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts().size() == 2);
        int calls = StubDefenderResource.ALERT_LIST_CALLS.get();
        // Polling goes on past it: more polls, the same answer, nothing new anywhere.
        await().atMost(Duration.ofSeconds(60)).until(() -> StubDefenderResource.ALERT_LIST_CALLS.get() >= calls + 6);

        assertThat(alerts()).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(StubDefenderResource.GOOD_1, StubDefenderResource.GOOD_2);
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                StubDefenderResource.DLQ_TOPIC, new StringDeserializer(), new StringDeserializer());
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).contains(StubDefenderResource.BAD).contains("\"severity\":\"Critical\"");
            assertThat(TopicReader.header(record, TransactionalPublisher.DEAD_LETTER_REASON)).hasValueSatisfying(
                    reason -> assertThat(reason).contains("Critical"));
        });
    }

    private static List<ConsumerRecord<String, AlertNewEvent>> alerts() {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), StubDefenderResource.ALERTS_TOPIC,
                new StringDeserializer(), new AlertNewEventDeserializer());
    }
}
