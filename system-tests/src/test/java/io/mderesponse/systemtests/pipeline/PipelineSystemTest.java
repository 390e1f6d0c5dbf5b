package io.mderesponse.systemtests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.schema.EventSchemas;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.system.RunningSystem;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's first complete run: five services, each its own process, talking only through topics.
 */
class PipelineSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> PIPELINE_TOPICS = List.of(Topics.ALERTS_NEW.defaultName(),
            Topics.ALERTS_ENRICHED.defaultName(), Topics.DECISIONS.defaultName(),
            Topics.ACTIONS_REQUESTED.defaultName(), Topics.ACTIONS_RESULTS.defaultName());

    private static RunningSystem system;
    private static PipelineTopics topics;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(Map.of());
        topics = new PipelineTopics(system.bootstrapServers);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aHighAlertBecomesOneIsolationAndOneEmailWhileAMediumAlertBecomesNeither() throws Exception {
        String highMachine = TestIds.machineId();
        String mediumMachine = TestIds.machineId();
        String highAlert = TestIds.alertId();
        String mediumAlert = TestIds.alertId();
        system.simulator.addMachine(SampleData.machine(highMachine, "ws-high.contoso.com"));
        system.simulator.addMachine(SampleData.machine(mediumMachine, "ws-medium.contoso.com"));
        system.simulator.addAlert(SampleData.alert(highAlert, "High", highMachine));
        system.simulator.addAlert(SampleData.alert(mediumAlert, "Medium", mediumMachine));

        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 1);
        // The Medium alert was decided (no rule matched) and the notifier has read every decision since.
        await().atMost(PATIENCE).until(() -> topics.withCorrelationId(Topics.DECISIONS.defaultName(), mediumAlert)
                .size() == 1);
        await().atMost(PATIENCE).until(() -> topics.consumedEverything("notifier-service",
                Topics.DECISIONS.defaultName()) && topics.consumedEverything("notifier-service",
                Topics.ACTIONS_RESULTS.defaultName()) && topics.consumedEverything("response-service",
                Topics.ACTIONS_REQUESTED.defaultName()));

        List<SimulatorCall> isolations = system.simulator.calls(CallFilter.path("/isolate").method("POST"));
        assertThat(isolations).filteredOn(call -> call.path().contains(highMachine)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"Comment\"").contains(highAlert)
                        .contains("isolate-high"));
        assertThat(isolations).noneMatch(call -> call.path().contains(mediumMachine));

        MimeMessage[] emails = system.mail.getReceivedMessages();
        assertThat(emails).hasSize(1);
        MimeMessage email = emails[0];
        assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(RunningSystem.RECIPIENT);
        assertThat(email.getSubject()).contains("Succeeded").doesNotContain("\r").doesNotContain("\n");
        String text = part(email, "text/plain");
        String html = part(email, "text/html");
        assertThat(text).contains("ws-high.contoso.com").contains(highMachine).contains("High").contains("Succeeded");
        assertThat(html).contains("ws-high.contoso.com").contains(highMachine).contains("Succeeded")
                .contains("&lt;b&gt;" + highAlert).doesNotContain("<b>" + highAlert);

        for (String topic : PIPELINE_TOPICS) {
            List<ConsumerRecord<String, String>> records = topics.withCorrelationId(topic, highAlert);
            assertThat(records).as(topic).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(EventSchemas.validate(PipelineTopics.eventType(record), record.value())).as(topic).isEmpty();
        }
        assertThat(topics.withCorrelationId(Topics.ACTIONS_REQUESTED.defaultName(), mediumAlert)).isEmpty();
    }

    /** The decoded content of the email's part of the given MIME type. */
    private static String part(MimeMessage email, String mimeType) throws Exception {
        MimeMultipart multipart = (MimeMultipart) email.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("The email has no " + mimeType + " part");
    }
}
