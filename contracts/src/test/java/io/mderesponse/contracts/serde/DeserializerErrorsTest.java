package io.mderesponse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.EventType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A record that cannot be read fails with a {@link SerializationException} that says where and why. */
class DeserializerErrorsTest {

    private static final String TOPIC = "defender.alerts.new";

    @Test
    void aSingleTypeDeserializerRefusesARecordWhoseCeTypeNamesAnotherType() {
        byte[] json = json(EventType.ALERT_SEVERITY_RAISED);
        RecordHeaders headers = ceType("defender.alert.severity-raised.v1");

        assertThatThrownBy(() -> new AlertDetectedDeserializer().deserialize(TOPIC, headers, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("defender.alert.severity-raised.v1")
                .hasMessageContaining("defender.alert.detected.v1");
    }

    @Test
    void aSingleTypeDeserializerRefusesANewerVersionOfItsOwnType() {
        assertThatThrownBy(() -> new AlertDetectedDeserializer()
                .deserialize(TOPIC, ceType("defender.alert.detected.v2"), json(EventType.ALERT_DETECTED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("defender.alert.detected.v2");
    }

    @Test
    void aHostileCeTypeIsShownShortAndOnOneLine() {
        RecordHeaders headers = ceType("x\n".repeat(100));

        assertThatThrownBy(() -> new AlertNewEventDeserializer()
                .deserialize(TOPIC, headers, json(EventType.ALERT_DETECTED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'x?x?x?")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300));
    }

    @Test
    void aSingleTypeDeserializerReadsARecordWithoutCeType() {
        assertThat(new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(),
                json(EventType.ALERT_DETECTED))).isEqualTo(Samples.full(EventType.ALERT_DETECTED));
    }

    @Test
    void malformedJsonNamesTheTopicAndTheExpectedType() {
        byte[] garbage = "{\"eventId\": ".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(), garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialise defender.alert.detected.v1 from topic '" + TOPIC + "'");
    }

    @Test
    void anInvalidAlertIdInTheJsonIsRefusedNamingTheField() {
        byte[] json = EventJson.toJson(Samples.full(EventType.ALERT_DETECTED))
                .replace("\"alertId\":\"" + Samples.ALERT_ID + "\"", "\"alertId\":\"../../machines\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("AlertDetected.alertId")
                .hasMessageContaining("Invalid alert id");
    }

    @Test
    void theReasonStaysOnOneLineWhateverTheRecordContains() {
        byte[] json = "{\"title\": \"line one\nline two\" oops".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(), json))
                .isInstanceOf(SerializationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingTheField() {
        byte[] json = EventJson.toJson(Samples.full(EventType.ALERT_DETECTED))
                .replace("\"title\":\"Suspicious PowerShell\",", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("AlertDetected.title is required");
    }

    @Test
    void aTombstoneReadsAsNull() {
        assertThat(new AlertDetectedDeserializer().deserialize(TOPIC, new RecordHeaders(), (byte[]) null)).isNull();
        assertThat(new AlertNewEventDeserializer().deserialize(TOPIC, new RecordHeaders(), (byte[]) null)).isNull();
    }

    @Test
    void theDispatchingDeserializerRefusesAnUnknownCeTypeNamingTopicAndType() {
        RecordHeaders headers = ceType("defender.decision.made.v1");

        assertThatThrownBy(() -> new AlertNewEventDeserializer()
                .deserialize(TOPIC, headers, json(EventType.DECISION_MADE)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("'defender.decision.made.v1'")
                .hasMessageContaining("defender.alert.detected.v1, defender.alert.severity-raised.v1");
    }

    @Test
    void theDispatchingDeserializerRefusesARecordWithoutCeType() {
        assertThatThrownBy(() -> new EnrichedEventDeserializer()
                .deserialize(TOPIC, new RecordHeaders(), json(EventType.ALERT_ENRICHED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "' has no ce_type header");
    }

    @Test
    void theDispatchingDeserializerRefusesToGuessWithoutHeaders() {
        assertThatThrownBy(() -> new AlertNewEventDeserializer().deserialize(TOPIC, json(EventType.ALERT_DETECTED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("without headers");
    }

    @Test
    void theDispatchingDeserializerReportsMalformedJsonForTheTypeTheHeaderNamed() {
        byte[] garbage = "[1, 2".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AlertNewEventDeserializer()
                .deserialize(TOPIC, ceType("defender.alert.severity-raised.v1"), garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialise defender.alert.severity-raised.v1 from topic '"
                        + TOPIC + "'");
    }

    @Test
    void theDispatchingDeserializerReturnsTheConcreteRecord() {
        Object read = new AlertNewEventDeserializer()
                .deserialize(TOPIC, ceType("defender.alert.detected.v1"), json(EventType.ALERT_DETECTED));

        assertThat(read).isInstanceOf(AlertDetected.class);
    }

    private static byte[] json(EventType type) {
        return EventJson.toJson(Samples.full(type)).getBytes(StandardCharsets.UTF_8);
    }

    private static RecordHeaders ceType(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, value.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
