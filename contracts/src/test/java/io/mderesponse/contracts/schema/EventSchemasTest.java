package io.mderesponse.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.event.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each schema rejects what the contract forbids: missing fields, bad ids, malformed values. */
class EventSchemasTest {

    static Stream<Arguments> requiredFields() {
        return Arrays.stream(EventType.values()).flatMap(type -> SchemaTrees
                .strings(EventSchemas.schemaNode(type).get("required")).stream()
                .map(field -> Arguments.of(type, field)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void anEventMissingARequiredFieldIsRejected(EventType type, String field) {
        ObjectNode json = SchemaTrees.tree(Samples.full(type));
        json.remove(field);

        assertThat(EventSchemas.validate(type, json))
                .contains("/: required property '" + field + "' not found");
    }

    /** Where alert ids appear, as JSON pointers into each event. */
    static Stream<Arguments> alertIdLocations() {
        return cartesian(List.of(
                Arguments.of(EventType.ALERT_DETECTED, "/alertId"),
                Arguments.of(EventType.ALERT_SEVERITY_RAISED, "/alertId"),
                Arguments.of(EventType.ALERT_ENRICHED, "/alert/id"),
                Arguments.of(EventType.DECISION_MADE, "/alert/alertId"),
                Arguments.of(EventType.MACHINE_ACTION_REQUESTED, "/alert/alertId"),
                Arguments.of(EventType.MACHINE_ACTION_COMPLETED, "/alert/alertId")),
                "", "a/b", "x".repeat(129), "alert\n", "alert 1", "ålert");
    }

    @ParameterizedTest(name = "{0} {1} = \"{2}\"")
    @MethodSource("alertIdLocations")
    void aBadAlertIdIsRejected(EventType type, String pointer, String badId) {
        assertThat(validateWith(type, pointer, badId)).anySatisfy(error -> assertThat(error)
                .startsWith(pointer + ": does not match the regex pattern"));
    }

    /** Where machine ids appear, as JSON pointers into each event. */
    static Stream<Arguments> machineIdLocations() {
        return cartesian(List.of(
                Arguments.of(EventType.ALERT_DETECTED, "/machineId"),
                Arguments.of(EventType.ALERT_SEVERITY_RAISED, "/machineId"),
                Arguments.of(EventType.ALERT_ENRICHED, "/alert/machineId"),
                Arguments.of(EventType.ALERT_ENRICHED, "/machine/id"),
                Arguments.of(EventType.HUNTING_ROW_ENRICHED, "/row/deviceId"),
                Arguments.of(EventType.HUNTING_ROW_ENRICHED, "/machine/id"),
                Arguments.of(EventType.DECISION_MADE, "/machineId"),
                Arguments.of(EventType.DECISION_MADE, "/alert/machineId"),
                Arguments.of(EventType.MACHINE_ACTION_REQUESTED, "/machineId"),
                Arguments.of(EventType.MACHINE_ACTION_REQUESTED, "/alert/machineId"),
                Arguments.of(EventType.MACHINE_ACTION_COMPLETED, "/machineId"),
                Arguments.of(EventType.HUNTING_ROW_FOUND, "/deviceId")),
                "111E6DD8C833C8A052EA231EC1B19ADAF497B625", "111e6dd8c833c8a052ea231ec1b19adaf497b62",
                "111e6dd8c833c8a052ea231ec1b19adaf497b6250", "mymachine1.contoso.com");
    }

    @ParameterizedTest(name = "{0} {1} = \"{2}\"")
    @MethodSource("machineIdLocations")
    void aBadMachineIdIsRejected(EventType type, String pointer, String badId) {
        assertThat(validateWith(type, pointer, badId)).anySatisfy(error -> assertThat(error)
                .startsWith(pointer + ": does not match the regex pattern"));
    }

    @Test
    void aMalformedUuidOrTimeIsRejected() {
        ObjectNode json = SchemaTrees.tree(Samples.full(EventType.DECISION_MADE));
        json.put("eventId", "not-a-uuid");
        json.put("occurredAt", "yesterday");

        assertThat(EventSchemas.validate(EventType.DECISION_MADE, json))
                .anySatisfy(error -> assertThat(error).startsWith("/eventId:"))
                .anySatisfy(error -> assertThat(error).startsWith("/occurredAt:"));
    }

    @Test
    void anUnknownEnumValueIsRejected() {
        ObjectNode json = SchemaTrees.tree(Samples.full(EventType.MACHINE_ACTION_COMPLETED));
        json.put("status", "Pending");

        assertThat(EventSchemas.validate(EventType.MACHINE_ACTION_COMPLETED, json))
                .anySatisfy(error -> assertThat(error).startsWith("/status:"));
    }

    @Test
    void anAddedFieldIsAccepted() {
        ObjectNode json = SchemaTrees.tree(Samples.full(EventType.ALERT_DETECTED));
        json.put("fieldOfALaterProducer", "x");

        assertThat(EventSchemas.validate(EventType.ALERT_DETECTED, json)).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsReportedAsAnErrorRatherThanThrown() {
        assertThat(EventSchemas.validate(EventType.ALERT_DETECTED, "{\"alertId\": oops"))
                .singleElement()
                .satisfies(error -> assertThat(error).startsWith("/: not valid JSON"));
    }

    private static List<String> validateWith(EventType type, String pointer, String value) {
        ObjectNode json = SchemaTrees.tree(Samples.full(type));
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) json.at(pointer.substring(0, cut));
        parent.put(pointer.substring(cut + 1), value);
        return EventSchemas.validate(type, json);
    }

    private static Stream<Arguments> cartesian(List<Arguments> locations, String... values) {
        return locations.stream().flatMap(location -> Arrays.stream(values)
                .map(value -> Arguments.of(location.get()[0], location.get()[1], value)));
    }
}
