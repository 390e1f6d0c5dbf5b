package io.mderesponse.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.testing.GreenMailResource;
import io.mderesponse.notifier.testing.InjectGreenMail;
import io.mderesponse.notifier.testing.NotifierTestProfile;
import io.mderesponse.notifier.testing.ReceivedMail;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NotifierTestProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class NotifierKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ANALYST = "analyst@example.test";

    @InjectGreenMail
    GreenMail greenMail;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(MachineActionCompleted.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionCompletedDeserializer()));
        kafka.registerSerde(DecisionMade.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new DecisionMadeDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aSucceededIsolationWithAHostileTitleYieldsExactlyOneSafeEmailToEveryRecipient() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), Samples.HOSTILE_TITLE, Severity.High);
        MachineActionCompleted event = Samples.isolation(alert, FinalStatus.Succeeded, null,
                List.of(ANALYST, "SOC@example.test", "eve@evil.test>\r\nBcc: x@evil.test"));
        MachineActionCompleted later = Samples.isolation(Samples.alert(Samples.uniqueAlertId(), "Later",
                Severity.High), FinalStatus.Succeeded, null, List.of());

        // Same machine, so same partition: once the later event's email is there, the first one's is complete.
        produce(MachineActionCompleted.class, Topics.ACTIONS_RESULTS.defaultName(), event, later);
        awaitEmail(later.eventId());

        List<ReceivedMail> copies = ReceivedMail.copiesFor(greenMail, event.eventId());
        assertThat(ReceivedMail.distinctEmails(copies)).isEqualTo(1);
        assertThat(copies).hasSize(3); // one copy per recipient mailbox
        assertThat(greenMail.getReceivedMessagesForDomain("evil.test")).isEmpty();
        ReceivedMail mail = copies.get(0);
        assertThat(mail.to()).containsExactly(ANALYST, "SOC@example.test", NotifierTestProfile.ONCALL);
        assertThat(mail.from()).isEqualTo("mde-response@example.test");
        assertThat(mail.header("Bcc")).isNull();
        assertThat(mail.subject())
                .doesNotContain("\r", "\n")
                .isEqualTo("[MDE Response] Isolate Succeeded: ws-042.contoso.com — "
                        + "Evil <script>alert(\"x\")</script> & co Bcc: attacker@evil.test");
        assertThat(mail.part("text/html")).hasValueSatisfying(html -> assertThat(html)
                .contains("Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co Bcc: attacker@evil.test")
                .doesNotContain("<script>")
                .contains("<strong>Succeeded</strong>")
                .contains("href=\"" + NotifierTestProfile.PORTAL + "/alerts/" + alert.alertId() + "\"")
                .contains("href=\"" + NotifierTestProfile.PORTAL + "/machines/" + Samples.MACHINE_ID + "\""));
        assertThat(mail.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .contains("Final status:     Succeeded")
                .contains("Alert:            Evil <script>alert(\"x\")</script> & co Bcc: attacker@evil.test")
                .contains("Alert id:         " + alert.alertId())
                .contains("Machine:          " + Samples.MACHINE_NAME)
                .contains("Machine id:       " + Samples.MACHINE_ID)
                .contains("Category:         Execution")
                .contains("Detection source: WindowsDefenderAtp")
                .contains("Decision id:      " + event.decisionId()));
    }

    @Test
    void aNotifyOnlyDecisionYieldsOneEmail() {
        DecisionMade decision = Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Suspicious PowerShell",
                Severity.Medium), List.of(ANALYST));

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), decision);
        awaitEmail(decision.eventId());

        List<ReceivedMail> copies = ReceivedMail.copiesFor(greenMail, decision.eventId());
        assertThat(ReceivedMail.distinctEmails(copies)).isEqualTo(1);
        ReceivedMail mail = copies.get(0);
        assertThat(mail.subject())
                .isEqualTo("[MDE Response] Medium alert: ws-042.contoso.com — Suspicious PowerShell");
        assertThat(mail.to()).containsExactly(ANALYST, NotifierTestProfile.ONCALL, NotifierTestProfile.SOC);
        assertThat(mail.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .contains("Rule:             notify-medium")
                .contains("Decision id:      " + decision.decisionId()));
    }

    @Test
    void aDecisionThatMatchedNoRuleYieldsNoEmail() {
        DecisionMade noMatch = Samples.noMatch(Samples.alert(Samples.uniqueAlertId(), "Medium", Severity.Medium));
        DecisionMade control = Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Control",
                Severity.Medium), List.of());

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), noMatch, control);
        awaitEmail(control.eventId());

        assertThat(ReceivedMail.copiesFor(greenMail, noMatch.eventId())).isEmpty();
    }

    @Test
    void aDecisionThatIsolatesYieldsNoEmailOfItsOwn() {
        DecisionMade isolating = Samples.isolating(Samples.alert(Samples.uniqueAlertId(), "High", Severity.High),
                List.of(ANALYST));
        DecisionMade control = Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Control",
                Severity.Medium), List.of());

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), isolating, control);
        awaitEmail(control.eventId());

        assertThat(ReceivedMail.copiesFor(greenMail, isolating.eventId())).isEmpty();
    }

    @Test
    void anActionResultThatIsNoEventGoesToTheDeadLetterTopicWithTheReason() {
        assertPoisonReachesDeadLetterTopic(Topics.ACTIONS_RESULTS.defaultName());
    }

    @Test
    void aDecisionThatIsNoEventGoesToTheDeadLetterTopicWithTheReason() {
        assertPoisonReachesDeadLetterTopic(Topics.DECISIONS.defaultName());
    }

    private void assertPoisonReachesDeadLetterTopic(String topic) {
        String poison = "{not json " + UUID.randomUUID();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, "poison", poison)).awaitCompletion();

        String dlq = Topics.dlq(topic, "notifier-service");
        ConsumerRecord<String, String> record = kafka.consumeStrings()
                .fromTopics(dlq, records -> records.select().where(r -> poison.equals(r.value())).select().first())
                .awaitCompletion(TIMEOUT).getRecords().get(0);
        assertThat(header(record, "dead-letter-reason")).contains("not a valid event");
    }

    @SafeVarargs
    private <T extends Event> void produce(Class<T> type, String topic, T... events) {
        @SuppressWarnings("unchecked")
        ProducerRecord<String, T>[] records = new ProducerRecord[events.length];
        for (int i = 0; i < events.length; i++) {
            records[i] = new ProducerRecord<>(topic, events[i].kafkaKey(), events[i]);
        }
        kafka.produce(String.class, type).fromRecords(records).awaitCompletion();
    }

    private void awaitEmail(UUID eventId) {
        await().atMost(TIMEOUT).until(() -> !ReceivedMail.copiesFor(greenMail, eventId).isEmpty());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
