package io.mderesponse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** What the serialiser writes besides the round trip: defaults, configuration, headers it must not touch. */
class JsonEventSerializerTest {

    private final Event event = Samples.minimal(EventType.ALERT_DETECTED);

    @Test
    void theSourceDefaultsToMdeResponse() {
        RecordHeaders headers = new RecordHeaders();
        new JsonEventSerializer<>().serialize("t", headers, event);

        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE)).contains("mde-response");
    }

    @Test
    void aBlankConfiguredSourceIsRefused() {
        assertThatThrownBy(() -> new JsonEventSerializer<>()
                .configure(Map.of(JsonEventSerializer.SOURCE_CONFIG, " "), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(JsonEventSerializer.SOURCE_CONFIG);
    }

    @Test
    void headersAlreadyPresentAreLeftAsTheyAre() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SOURCE, "set-by-framework".getBytes(StandardCharsets.UTF_8));

        new JsonEventSerializer<>().serialize("t", headers, event);

        assertThat(headers.headers(CloudEventHeaders.SOURCE)).hasSize(1);
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE)).contains("set-by-framework");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.ID)).contains(event.eventId().toString());
    }

    @Test
    void nullsAreWrittenExplicitlyAndInstantsAsIsoStrings() {
        String json = new String(new JsonEventSerializer<>().serialize("t", event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"machineId\":null", "\"tenantId\":null",
                "\"occurredAt\":\"2021-01-26T20:33:57.722023900Z\"", "\"schemaVersion\":1");
    }

    @Test
    void onlyRecordComponentsBecomeJsonFields() {
        String json = EventJson.toJson(event);

        assertThat(json).doesNotContain("eventType", "kafkaKey");
    }

    @Test
    void aNullEventIsATombstoneWithoutHeaders() {
        RecordHeaders headers = new RecordHeaders();

        assertThat(new JsonEventSerializer<>().serialize("t", headers, null)).isNull();
        assertThat(headers.toArray()).isEmpty();
    }
}
