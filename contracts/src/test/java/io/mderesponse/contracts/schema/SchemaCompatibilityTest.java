package io.mderesponse.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.contracts.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published v1 schemas may only grow: the current ones are checked against the committed baseline copies
 * in {@code src/test/resources/baseline/v1/}, and broken copies prove the check can fail.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCurrentSchemaIsCompatibleWithItsPublishedBaseline(EventType type) {
        assertThat(SchemaCompatibility.check(baseline(type), EventSchemas.schemaNode(type))).isEmpty();
    }

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                change("removing a property", "/properties/reason: property removed", schema -> {
                    properties(schema).remove("reason");
                    removeRequired(schema, "reason");
                }),
                change("changing a type", "/properties/ruleId: type changed from [null, string] to [integer]",
                        schema -> property(schema, "ruleId").put("type", "integer")),
                change("adding a required field", "/: required field added: newField", schema -> {
                    properties(schema).putObject("newField").put("type", "string");
                    ((ArrayNode) schema.get("required")).add("newField");
                }),
                change("removing a required field", "/: required field removed: reason",
                        schema -> removeRequired(schema, "reason")),
                change("narrowing an enum", "/properties/outcome: enum narrowed, removed [\"EXPIRED\"]",
                        schema -> removeEnumValue(property(schema, "outcome"), "EXPIRED")),
                change("changing a pattern", "/properties/machineId: pattern changed",
                        schema -> property(schema, "machineId").put("pattern", "^[0-9a-fA-F]{40}$")),
                change("changing a pattern inside a definition",
                        "/$defs/alertSummary/properties/alertId: pattern changed",
                        schema -> ((ObjectNode) schema.at("/$defs/alertSummary/properties/alertId"))
                                .put("pattern", "^.+$")),
                change("removing a property of a definition", "/$defs/alertSummary/properties/title: property removed",
                        schema -> ((ObjectNode) schema.at("/$defs/alertSummary/properties")).remove("title")),
                change("making a nullable field non-null", "/properties/alert/anyOf: changed",
                        schema -> property(schema, "alert").remove("anyOf")),
                change("forbidding additional properties", "/: additional properties newly restricted",
                        schema -> schema.put("additionalProperties", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void aBreakingChangeIsReported(String change, String expectedProblem, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = baseline(EventType.DECISION_MADE).deepCopy();
        breakIt.accept(broken);

        assertThat(SchemaCompatibility.check(baseline(EventType.DECISION_MADE), broken))
                .anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem));
    }

    @Test
    void additiveChangesAreAccepted() {
        ObjectNode grown = baseline(EventType.DECISION_MADE).deepCopy();
        properties(grown).putObject("newOptionalField").put("type", "string");
        ((ArrayNode) property(grown, "outcome").get("enum")).add("ESCALATED");
        property(grown, "reason").put("description", "Reworded.");

        assertThat(SchemaCompatibility.check(baseline(EventType.DECISION_MADE), grown)).isEmpty();
    }

    private static JsonNode baseline(EventType type) {
        String resource = "baseline/v1/" + type.schemaFileName();
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("baseline %s", resource).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments change(String name, String expectedProblem, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, expectedProblem, breakIt);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) properties(schema).get(name);
    }

    private static void removeRequired(ObjectNode schema, String field) {
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals(field)) {
                required.remove(i);
                return;
            }
        }
    }

    private static void removeEnumValue(ObjectNode property, String value) {
        ArrayNode values = (ArrayNode) property.get("enum");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).asText().equals(value)) {
                values.remove(i);
                return;
            }
        }
    }
}
