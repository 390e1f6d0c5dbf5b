package io.mderesponse.poller.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.poller.messaging.TransactionalPublisher;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** One alert Defender writes in a shape the contract refuses neither blocks the poller nor gets lost. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(StubDefenderResource.class)
class MalformedAlertTest {

    private static final String DEAD_LETTERS = "alert_poller_dead_letters_total";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aMalformedAlertGoesRawToTheDeadLetterTopicOnceAndTheOthersArePublished() {
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts().size() == 2);
        int calls = StubDefenderResource.ALERT_LIST_CALLS.get();
        PrometheusScrape before = await().atMost(Duration.ofSeconds(30))
                .until(() -> PrometheusScrape.at(metrics), s -> s.valueOrZero(DEAD_LETTERS, Map.of()) >= 1);
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
        // The dead letter counter moved once, for the one dead letter, and not again on the polls that followed.
        assertThat(before.value(DEAD_LETTERS, Map.of())).isEqualTo(1.0);
        assertThat(PrometheusScrape.at(metrics).delta(before, DEAD_LETTERS, Map.of())).isZero();
    }

    private static List<ConsumerRecord<String, AlertNewEvent>> alerts() {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), StubDefenderResource.ALERTS_TOPIC,
                new StringDeserializer(), new AlertNewEventDeserializer());
    }
}
