package io.mderesponse.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.testing.GreenMailResource;
import io.mderesponse.notifier.testing.InjectGreenMail;
import io.mderesponse.notifier.testing.ReceivedMail;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DigestKafkaTest.Storm.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class DigestKafkaTest {

    /** Three emails per 20 s window; topics and sent-log of its own. */
    public static class Storm implements QuarkusTestProfile {

        static final String DECISIONS = "notifier-test.storm.decisions." + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "notifier.recipients", "oncall@example.test",
                    "notifier.digest-threshold", "3",
                    "notifier.digest-window", "20s",
                    "notifier.sent-log-topic", "notifier-test.storm.sent-log." + UUID.randomUUID(),
                    "topics.decisions", DECISIONS,
                    "topics.actions-results", "notifier-test.storm.actions.results",
                    "topics.response-actions-results", "notifier-test.storm.response-actions.results");
        }
    }

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void twoHundredDecisionsInOneWindowGiveThreeEmailsAndOneDigestNotTwoHundredEmails() {
        List<DecisionMade> decisions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            decisions.add(Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Storm " + i, Severity.Medium),
                    List.of()));
        }
        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers())) {
            kafka.registerSerde(DecisionMade.class,
                    Serdes.serdeFrom(new JsonEventSerializer<>(), new DecisionMadeDeserializer()));
            @SuppressWarnings("unchecked")
            ProducerRecord<String, DecisionMade>[] records = decisions.stream()
                    .map(d -> new ProducerRecord<>(Storm.DECISIONS, d.kafkaKey(), d)).toArray(ProducerRecord[]::new);
            kafka.produce(String.class, DecisionMade.class).fromRecords(records).awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .anyMatch(m -> new ReceivedMail(m).subject().startsWith("[MDE Response] Digest: ")));

        List<ReceivedMail> all = Arrays.stream(greenMail.getReceivedMessages()).map(ReceivedMail::new).toList();
        assertThat(ReceivedMail.distinctEmails(all)).isEqualTo(4);
        List<ReceivedMail> digests = all.stream().filter(m -> m.subject().startsWith("[MDE Response] Digest: "))
                .toList();
        assertThat(digests).hasSize(1);
        ReceivedMail digest = digests.get(0);
        assertThat(digest.subject()).startsWith("[MDE Response] Digest: 197 more emails");
        assertThat(digest.to()).containsExactly("oncall@example.test");
        for (int i = 0; i < 3; i++) {
            assertThat(ReceivedMail.copiesFor(greenMail, decisions.get(i).eventId())).hasSize(1);
        }
        assertThat(digest.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .contains("Storm 3").contains("Storm 199").doesNotContain("Storm 2\n"));
    }
}
