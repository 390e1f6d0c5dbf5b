package io.mderesponse.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mderesponse.notifier.mail.MailSender;
import io.mderesponse.notifier.testing.ReceivedMail;
import jakarta.inject.Inject;
import java.util.UUID;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.notifier.Samples;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(SmtpFailureKafkaTest.SmtpDown.class)
@WithTestResource(KafkaBrokerResource.class)
class SmtpFailureKafkaTest {

    /**
     * Nothing listens on the mailer's port (until a test starts GreenMail there); sends are tried 10 times with
     * short pauses (about 6 s in all); topics of their own, so no other test's records are involved.
     */
    public static class SmtpDown implements QuarkusTestProfile {

        static final String ACTIONS_RESULTS = "notifier-test.smtp-down.actions.results";
        static final int PORT = closedPort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(PORT),
                    "notifier.recipients", "oncall@example.test",
                    "notifier.max-attempts", "10",
                    "notifier.retry-initial", "100ms",
                    "notifier.retry-max", "1s",
                    "notifier.sent-log-topic", "notifier-test.smtp-down.sent-log." + UUID.randomUUID(),
                    "topics.actions-results", ACTIONS_RESULTS,
                    "topics.decisions", "notifier-test.smtp-down.decisions",
                    "topics.response-actions-results", "notifier-test.smtp-down.response-actions.results");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(MachineActionCompleted.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionCompletedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Inject
    MailSender sender;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final Map<String, String> FAILED = Map.of("outcome", "failed");
    private static final Map<String, String> SENT = Map.of("outcome", "sent");
    private static final Map<String, String> CHANNEL = Map.of("channel", ActionResultsConsumer.CHANNEL);

    @Test
    @Order(1)
    void anEmailTheSmtpServerDoesNotTakeSendsItsRecordToTheDeadLetterTopicWithTheReason() {
        MachineActionCompleted event = Samples.isolation(Samples.alert(Samples.uniqueAlertId(), "Unsent",
                Severity.High), FinalStatus.Succeeded, null, List.of());
        PrometheusScrape before = PrometheusScrape.at(metrics);

        kafka.produce(String.class, MachineActionCompleted.class).fromRecords(
                new ProducerRecord<>(SmtpDown.ACTIONS_RESULTS, event.kafkaKey(), event)).awaitCompletion();

        String dlq = Topics.dlq(SmtpDown.ACTIONS_RESULTS, "notifier-service");
        ConsumerRecord<String, String> record = kafka.consumeStrings()
                .fromTopics(dlq, records -> records.select()
                        .where(r -> r.value().contains(event.eventId().toString())).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
        assertThat(record.key()).isEqualTo(Samples.MACHINE_ID);
        assertThat(header(record, "dead-letter-reason"))
                .contains("Could not send the email for event " + event.eventId())
                .contains("gave up after 10 tries");

        // The dead letter is written before its nack completes, which is when the counters move.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.at(metrics);
            assertThat(after.delta(before, "notifier_emails_total", FAILED)).isEqualTo(10.0);
            assertThat(after.delta(before, "notifier_emails_total", SENT)).isZero();
            assertThat(after.delta(before, "messaging_records_in_total", CHANNEL)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_failed_total", CHANNEL)).isEqualTo(1.0);
            assertThat(after.value("messaging_records_dead_lettered_total", CHANNEL)
                    - before.value("messaging_records_dead_lettered_total", CHANNEL)).isEqualTo(1.0);
            assertThat(after.find("messaging_records_dead_lettered_total", CHANNEL))
                    .singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("topic", dlq));
            assertThat(after.delta(before, "messaging_record_processing_seconds_count",
                    Map.of("channel", ActionResultsConsumer.CHANNEL, "outcome", "nack"))).isEqualTo(1.0);
        });
    }

    @Test
    @Order(2)
    void whenTheSmtpServerComesBackDuringTheRetriesTheEmailArrivesOnce() {
        MachineActionCompleted event = Samples.isolation(Samples.alert(Samples.uniqueAlertId(), "Late",
                Severity.High), FinalStatus.Succeeded, null, List.of());
        MachineActionCompleted control = Samples.isolation(Samples.alert(Samples.uniqueAlertId(), "Control",
                Severity.High), FinalStatus.Succeeded, null, List.of());
        long failedBefore = sender.failedSends();
        PrometheusScrape before = PrometheusScrape.at(metrics);

        kafka.produce(String.class, MachineActionCompleted.class).fromRecords(
                new ProducerRecord<>(SmtpDown.ACTIONS_RESULTS, event.kafkaKey(), event)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.failedSends() >= failedBefore + 2);

        GreenMail greenMail = new GreenMail(new ServerSetup(SmtpDown.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !ReceivedMail.copiesFor(greenMail, event.eventId()).isEmpty());
            // The same event again (a redelivery), then a control on the same partition: once it arrived, the
            // redelivery was handled.
            kafka.produce(String.class, MachineActionCompleted.class).fromRecords(
                    new ProducerRecord<>(SmtpDown.ACTIONS_RESULTS, event.kafkaKey(), event),
                    new ProducerRecord<>(SmtpDown.ACTIONS_RESULTS, control.kafkaKey(), control)).awaitCompletion();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !ReceivedMail.copiesFor(greenMail, control.eventId()).isEmpty());

            List<ReceivedMail> copies = ReceivedMail.copiesFor(greenMail, event.eventId());
            assertThat(ReceivedMail.distinctEmails(copies)).isEqualTo(1);
            assertThat(copies).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusScrape after = PrometheusScrape.at(metrics);
                assertThat(after.delta(before, "notifier_emails_total", SENT)).as("the late one and the control")
                        .isEqualTo(2.0);
                assertThat(after.delta(before, "notifier_emails_total", FAILED)).isGreaterThanOrEqualTo(2.0);
                assertThat(after.delta(before, "messaging_records_in_total", CHANNEL)).isEqualTo(3.0);
                assertThat(after.delta(before, "messaging_records_dead_lettered_total", CHANNEL)).isZero();
            });
        } finally {
            greenMail.stop();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
