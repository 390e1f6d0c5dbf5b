package io.mderesponse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.schema.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event, fully populated and with every nullable field null, through serialiser, deserialiser and schema. */
class EventRoundTripTest {

    private static final String TOPIC = "round-trip";

    static Stream<Arguments> samples() {
        return Arrays.stream(EventType.values()).flatMap(type -> Stream.of(
                Arguments.of(type, "full", Samples.full(type)),
                Arguments.of(type, "minimal", Samples.minimal(type))));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("samples")
    void anEventReadBackByItsDeserializerEqualsTheOneWritten(EventType type, String variant, Event event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] json = serializer().serialize(TOPIC, headers, event);

        Object read = deserializerFor(type).deserialize(TOPIC, headers, json);

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("samples")
    void theSerializerWritesTheCloudEventsHeaders(EventType type, String variant, Event event) {
        RecordHeaders headers = new RecordHeaders();
        serializer().serialize(TOPIC, headers, event);

        assertThat(header(headers, CloudEventHeaders.ID)).isEqualTo(event.eventId().toString());
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo(type.ceType());
        assertThat(header(headers, CloudEventHeaders.SOURCE)).isEqualTo("decision-service");
        assertThat(header(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(headers, CloudEventHeaders.TIME)).isEqualTo(event.occurredAt().toString());
        assertThat(header(headers, CloudEventHeaders.CORRELATION_ID)).isEqualTo(event.correlationId());
        assertThat(header(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.toArray()).hasSize(7);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("samples")
    void theSerializedJsonValidatesAgainstTheEventsSchema(EventType type, String variant, Event event) {
        String json = new String(serializer().serialize(TOPIC, event), StandardCharsets.UTF_8);

        assertThat(EventSchemas.validate(type, json)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("samples")
    void theJsonHasExactlyTheFieldsTheSchemaDeclaresNullsIncluded(EventType type, String variant, Event event) {
        Set<String> written = new TreeSet<>();
        EventJson.newObjectMapper().valueToTree(event).fieldNames().forEachRemaining(written::add);
        Set<String> declared = new TreeSet<>();
        EventSchemas.schemaNode(type).get("properties").fieldNames().forEachRemaining(declared::add);

        assertThat(written).isEqualTo(declared);
    }

    /** The events that share a topic, with that topic's dispatching deserialiser. */
    static Stream<Arguments> sharedTopicSamples() {
        return samples().filter(arguments -> dispatchingFor((EventType) arguments.get()[0]) != null);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("sharedTopicSamples")
    void eventsOfSharedTopicsAreReadBackByTheTopicsDispatchingDeserializer(EventType type, String variant,
            Event event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] json = serializer().serialize(TOPIC, headers, event);

        assertThat(dispatchingFor(type).deserialize(TOPIC, headers, json)).isEqualTo(event);
    }

    private static JsonEventSerializer<Event> serializer() {
        JsonEventSerializer<Event> serializer = new JsonEventSerializer<>();
        serializer.configure(Map.of(JsonEventSerializer.SOURCE_CONFIG, "decision-service"), false);
        return serializer;
    }

    /** The concrete deserialiser a downstream consumer would name in its configuration. */
    private static Deserializer<? extends Event> deserializerFor(EventType type) {
        return switch (type) {
            case ALERT_DETECTED -> new AlertDetectedDeserializer();
            case ALERT_SEVERITY_RAISED -> new AlertSeverityRaisedDeserializer();
            case ALERT_ENRICHED -> new AlertEnrichedDeserializer();
            case HUNTING_ROW_ENRICHED -> new HuntingRowEnrichedDeserializer();
            case DECISION_MADE -> new DecisionMadeDeserializer();
            case MACHINE_ACTION_REQUESTED -> new MachineActionRequestedDeserializer();
            case MACHINE_ACTION_COMPLETED -> new MachineActionCompletedDeserializer();
            case HUNTING_ROW_FOUND -> new HuntingRowFoundDeserializer();
            case RESPONSE_ACTION_REQUESTED -> new ResponseActionRequestedDeserializer();
            case RESPONSE_ACTION_COMPLETED -> new ResponseActionCompletedDeserializer();
        };
    }

    private static Deserializer<? extends Event> dispatchingFor(EventType type) {
        return switch (type) {
            case ALERT_DETECTED, ALERT_SEVERITY_RAISED -> new AlertNewEventDeserializer();
            case ALERT_ENRICHED, HUNTING_ROW_ENRICHED -> new EnrichedEventDeserializer();
            default -> null;
        };
    }

    private static String header(RecordHeaders headers, String name) {
        return CloudEventHeaders.read(headers, name).orElse(null);
    }
}
