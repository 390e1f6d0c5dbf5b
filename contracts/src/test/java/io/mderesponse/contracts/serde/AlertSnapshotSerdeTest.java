package io.mderesponse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.schema.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The optional {@code alert} snapshot of the {@code defender.alerts.new} events: present, null, and absent. */
class AlertSnapshotSerdeTest {

    private static final String TOPIC = "alerts-new";

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ALERT_DETECTED", "ALERT_SEVERITY_RAISED"})
    void aSnapshotComesBackEqualToTheListedAlertEvidenceIncluded(EventType type) {
        AlertNewEvent event = (AlertNewEvent) Samples.full(type);

        AlertNewEvent read = roundTrip(event);

        assertThat(read.alert()).isEqualTo(Samples.alert());
        assertThat(read.alert().evidence()).singleElement().extracting("fileName").isEqualTo("rundll32.exe");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ALERT_DETECTED", "ALERT_SEVERITY_RAISED"})
    void aRecordWrittenBeforeTheFieldExistedIsValidAndReadsWithoutASnapshot(EventType type) {
        AlertNewEvent event = (AlertNewEvent) Samples.full(type);
        ObjectNode old = EventJson.newObjectMapper().valueToTree(event);
        old.remove("alert");
        String json = old.toString();

        assertThat(EventSchemas.validate(type, json)).isEmpty();
        AlertNewEvent read = (AlertNewEvent) new AlertNewEventDeserializer().deserialize(TOPIC,
                headersOf(event), json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.alert()).isNull();
        assertThat(read).isEqualTo(event.withoutAlert());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ALERT_DETECTED", "ALERT_SEVERITY_RAISED"})
    void anEventWithoutASnapshotWritesTheFieldAsNull(EventType type) {
        AlertNewEvent event = ((AlertNewEvent) Samples.full(type)).withoutAlert();
        String json = new String(serializer().serialize(TOPIC, event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"alert\":null");
        assertThat(EventSchemas.validate(type, json)).isEmpty();
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    private static AlertNewEvent roundTrip(AlertNewEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] json = serializer().serialize(TOPIC, headers, event);
        AlertNewEvent read = new AlertNewEventDeserializer().deserialize(TOPIC, headers, json);
        assertThat(read).isEqualTo(event);
        return read;
    }

    private static RecordHeaders headersOf(AlertNewEvent event) {
        RecordHeaders headers = new RecordHeaders();
        serializer().serialize(TOPIC, headers, event);
        return headers;
    }

    private static JsonEventSerializer<AlertNewEvent> serializer() {
        JsonEventSerializer<AlertNewEvent> serializer = new JsonEventSerializer<>();
        serializer.configure(Map.of(JsonEventSerializer.SOURCE_CONFIG, "alert-poller"), false);
        return serializer;
    }
}
