package io.mderesponse.systemtests.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.system.EmailParts;
import io.mderesponse.testsupport.system.RunningSystem;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's machine actions end to end, on the packaged services, the real broker, the simulator and a real
 * SMTP server: one rules file in which a High alert isolates its machine and then collects an investigation
 * package, a Medium alert runs a quick antivirus scan, and a Low alert quarantines the files of its evidence.
 */
class MachineActionsSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String VALID_SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";
    /** Evidence is untrusted: a "sha1" that is a path with a header injection, and one with a shell tail. */
    private static final String HOSTILE_PATH = "C:\\Windows\\evil.exe\r\nBcc: attacker@example.com";
    private static final String HOSTILE_TAIL = VALID_SHA1.substring(0, 39) + "; rm -rf /";
    private static final String RULES = """
            rules:
              - id: isolate-and-collect
                when: alert.severity == "High"
                actions: [isolate, collectInvestigationPackage, notify]
                isolation: Full
              - id: scan-medium
                when: alert.severity == "Medium"
                actions: [{antivirusScan: {scanType: Quick}}, notify]
              - id: quarantine-low
                when: alert.severity == "Low"
                actions: [{stopAndQuarantineFile: {maxFiles: 3}}, notify]
            """;

    private static Path rulesFile;
    private static RunningSystem system;
    private static final String highMachine = TestIds.machineId();
    private static final String mediumMachine = TestIds.machineId();
    private static final String lowMachine = TestIds.machineId();
    private static final String highAlert = TestIds.alertId();
    private static final String mediumAlert = TestIds.alertId();
    private static final String lowAlert = TestIds.alertId();

    @BeforeAll
    static void runAHighAMediumAndALowAlertThroughTheSystem() throws IOException {
        rulesFile = Files.createTempFile("machine-actions-rules", ".yaml");
        Files.writeString(rulesFile, RULES);
        system = RunningSystem.builder()
                .service("decision-service", Map.of("RULES_PATH", rulesFile.toString()))
                .start();
        system.simulator.addMachine(SampleData.machine(highMachine, "ws-high.contoso.com"));
        system.simulator.addMachine(SampleData.machine(mediumMachine, "ws-medium.contoso.com"));
        system.simulator.addMachine(SampleData.machine(lowMachine, "ws-low.contoso.com"));
        system.simulator.addAlert(SampleData.alert(highAlert, "High", highMachine));
        system.simulator.addAlert(SampleData.alert(mediumAlert, "Medium", mediumMachine));
        Map<String, Object> low = new LinkedHashMap<>(SampleData.alert(lowAlert, "Low", lowMachine));
        low.put("evidence", List.of(
                Map.of("entityType", "File", "fileName", "mimikatz.exe", "sha1", VALID_SHA1),
                Map.of("entityType", "File", "fileName", "evil.exe", "sha1", HOSTILE_PATH),
                Map.of("entityType", "File", "fileName", "tail.exe", "sha1", HOSTILE_TAIL)));
        system.simulator.addAlert(low);

        // One email per decision, sent once every action of it has a final status.
        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 3);
    }

    @AfterAll
    static void stop() throws IOException {
        if (system != null) {
            system.close();
        }
        if (rulesFile != null) {
            Files.deleteIfExists(rulesFile);
        }
    }

    @Test
    void theHighAlertsMachineIsIsolatedFirstAndThenItsPackageCollectedEachCallOnce() {
        SimulatorCall isolate = single(callsOn(highMachine, "/isolate"));
        SimulatorCall collect = single(callsOn(highMachine, "/collectInvestigationPackage"));

        assertThat(isolate.body()).contains("\"IsolationType\":\"Full\"").contains(highAlert);
        assertThat(collect.body()).contains("\"Comment\"").contains(highAlert).contains("isolate-and-collect");
        assertThat(isolate.time()).isBeforeOrEqualTo(collect.time());
        assertThat(callsOn(highMachine, "/runAntiVirusScan")).isEmpty();
    }

    @Test
    void theMediumAlertsMachineIsScannedOnceAndNotIsolated() {
        assertThat(single(callsOn(mediumMachine, "/runAntiVirusScan")).body()).contains("\"ScanType\":\"Quick\"")
                .contains(mediumAlert);
        assertThat(callsOn(mediumMachine, "/isolate")).isEmpty();
        assertThat(callsOn(mediumMachine, "/collectInvestigationPackage")).isEmpty();
    }

    @Test
    void onlyTheEvidenceValueThatIsASha1IsQuarantinedAndTheHostileOnesReachNoCall() {
        assertThat(single(callsOn(lowMachine, "/StopAndQuarantineFile")).body())
                .contains("\"Sha1\":\"" + VALID_SHA1 + "\"");
        List<SimulatorCall> everyCall = system.simulator.calls();
        assertThat(everyCall).noneMatch(call -> String.valueOf(call.body()).contains("evil.exe")
                || String.valueOf(call.body()).contains("rm -rf") || call.path().contains("evil"));
    }

    @Test
    void eachDecisionIsOneEmailListingEveryActionWithItsOwnFinalStatus() throws Exception {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> system.mail.getReceivedMessages().length == 3);
        MimeMessage high = emailAbout(highAlert);
        String highText = EmailParts.part(high, "text/plain");
        assertThat(highText).contains("Isolate").contains("CollectInvestigationPackage");
        assertThat(highText.indexOf("Isolate")).isLessThan(highText.indexOf("CollectInvestigationPackage"));
        assertThat(occurrences(highText, "Succeeded")).isGreaterThanOrEqualTo(2);
        assertThat(EmailParts.part(emailAbout(mediumAlert), "text/plain")).contains("RunAntiVirusScan").contains("Quick")
                .contains("Succeeded");
        String lowHtml = EmailParts.part(emailAbout(lowAlert), "text/html");
        assertThat(lowHtml).contains("StopAndQuarantineFile").contains(VALID_SHA1).contains("mimikatz.exe");
        for (MimeMessage email : system.mail.getReceivedMessages()) {
            assertThat(email.getSubject()).doesNotContain("\r").doesNotContain("\n");
            assertThat(email.getAllRecipients()).extracting(Object::toString)
                    .containsExactly(RunningSystem.RECIPIENT);
        }
    }

    @Test
    void aConsumerBuiltFromTheV1BaselineReadsEveryRecordOfTheseAlertsAndDeadLettersNothing() {
        Set<String> ours = Set.of(highAlert, mediumAlert, lowAlert);
        List<ConsumerRecord<String, String>> v1Records = V1BaselineConsumer.readV1Topics(system.bootstrapServers)
                .stream().filter(record -> correlation(record).filter(ours::contains).isPresent()).toList();
        V1BaselineConsumer consumer = new V1BaselineConsumer();

        List<String> deadLetters = new ArrayList<>();
        v1Records.forEach(record -> consumer.deadLetterReason(record).ifPresent(deadLetters::add));

        assertThat(deadLetters).isEmpty();
        // Not vacuous: the v1 topics carried these alerts' decisions (with the new fields) and the isolation, and
        // the scan, the package and the quarantine travelled on their own topics, which a v1 consumer never reads.
        assertThat(v1Records).filteredOn(r -> r.topic().equals(Topics.DECISIONS.defaultName())).hasSize(3)
                .allSatisfy(r -> assertThat(r.value()).contains("\"machineActions\""));
        assertThat(v1Records).filteredOn(r -> r.topic().equals(Topics.ACTIONS_RESULTS.defaultName()))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"ruleId\":\"isolate-and-collect\""));
        List<ConsumerRecord<String, String>> others = TopicReader.readAll(system.bootstrapServers,
                Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), new StringDeserializer(), new StringDeserializer())
                .stream().filter(record -> correlation(record).filter(ours::contains).isPresent()).toList();
        assertThat(others).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE).orElse(""))
                .containsOnly("defender.response-action.completed.v1").hasSize(3);
    }

    private static Optional<String> correlation(ConsumerRecord<String, String> record) {
        return TopicReader.header(record, CloudEventHeaders.CORRELATION_ID);
    }

    private static List<SimulatorCall> callsOn(String machineId, String action) {
        return system.simulator.calls(CallFilter.path("/api/machines/" + machineId + action).method("POST"));
    }

    private static SimulatorCall single(List<SimulatorCall> calls) {
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static MimeMessage emailAbout(String alertId) throws Exception {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage email : system.mail.getReceivedMessages()) {
            if (EmailParts.part(email, "text/plain").contains(alertId)) {
                about.add(email);
            }
        }
        assertThat(about).as("emails about " + alertId).hasSize(1);
        return about.get(0);
    }

    private static int occurrences(String text, String word) {
        return (int) Arrays.stream(text.split("\\b")).filter(word::equals).count();
    }

}
