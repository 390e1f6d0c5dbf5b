package io.mderesponse.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.defender.AlertComment;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.defender.Evidence;
import io.mderesponse.contracts.defender.IpAddress;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.LoggedOnUser;
import io.mderesponse.contracts.defender.RelatedUser;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.HuntingRow;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.id.DefenderIds;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written schemas and the Java records describe the same fields, nullability, enums and id patterns. */
class RecordsMatchSchemasTest {

    /** The records behind each {@code $defs} entry, with a fully populated sample. */
    private static final Map<String, Record> DEFINITIONS = Map.of(
            "alertSummary", Samples.summary(),
            "huntingRow", Samples.huntingRow(),
            "defenderAlert", Samples.alert(),
            "defenderMachine", Samples.machine(),
            "evidence", Samples.alert().evidence().get(0),
            "ipAddress", Samples.machine().ipAddresses().get(0),
            "relatedUser", Samples.alert().relatedUser(),
            "alertComment", Samples.alert().comments().get(0),
            "loggedOnUser", Samples.alert().loggedOnUsers().get(0),
            "requestedAction", Samples.quarantine());

    /**
     * Properties added within v1: records written before them lack them, so they are optional in the schema
     * (the compatibility check forbids a new required field); the serialiser still writes them, null included.
     */
    private static final Map<EventType, Set<String>> ADDED_WITHIN_V1 = Map.of(
            EventType.ALERT_DETECTED, Set.of("alert"),
            EventType.ALERT_SEVERITY_RAISED, Set.of("alert"),
            EventType.DECISION_MADE, Set.of("machineActions"),
            EventType.MACHINE_ACTION_REQUESTED, Set.of("ruleId", "kind", "plan"),
            EventType.MACHINE_ACTION_COMPLETED, Set.of("ruleId", "kind", "plan"));

    /** Null is refused here by a rule across fields (tested with the events), though the field alone may be null. */
    private static final Set<String> NULL_REFUSED_ACROSS_FIELDS = Set.of("DecisionMade.isolationType",
            "DecisionMade.supersedes", "MachineActionRequested.isolationType", "RequestedAction.sha1",
            "ResponseActionRequested.sha1");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventsSchemaPropertiesAreExactlyItsRecordComponents(EventType type) {
        assertThat(SchemaTrees.propertyNames(EventSchemas.schemaNode(type)))
                .isEqualTo(componentNames(type.eventClass()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPropertyOfAnEventIsRequiredBecauseNullsAreWrittenExplicitly(EventType type) {
        JsonNode schema = EventSchemas.schemaNode(type);
        Set<String> expected = new TreeSet<>(SchemaTrees.propertyNames(schema));
        expected.removeAll(ADDED_WITHIN_V1.getOrDefault(type, Set.of()));

        assertThat(new TreeSet<>(SchemaTrees.strings(schema.get("required")))).isEqualTo(expected);
    }

    @Test
    void aPropertyAddedWithinV1IsOptionalAndNullableSoOldRecordsStayValid() {
        ADDED_WITHIN_V1.forEach((type, names) -> names.forEach(name -> {
            JsonNode schema = EventSchemas.schemaNode(type);
            assertThat(SchemaTrees.strings(schema.get("required"))).as("%s required", type).doesNotContain(name);
            assertThat(SchemaTrees.allowsNull(schema.get("properties").get(name))).as("%s.%s", type, name).isTrue();
        }));
    }

    static Stream<EventType> typesWithDefinitions() {
        return Arrays.stream(EventType.values()).filter(type -> EventSchemas.schemaNode(type).has("$defs"));
    }

    @ParameterizedTest
    @MethodSource("typesWithDefinitions")
    void everyDefinitionIsARecordWithTheSameFields(EventType type) {
        JsonNode defs = EventSchemas.schemaNode(type).path("$defs");
        defs.fieldNames().forEachRemaining(name -> {
            assertThat(DEFINITIONS).as("record behind $defs/%s", name).containsKey(name);
            assertThat(SchemaTrees.propertyNames(defs.get(name))).as("$defs/%s", name)
                    .isEqualTo(componentNames(DEFINITIONS.get(name).getClass()));
        });
    }

    /** Every component of every event and definition: (where, sample, component name, property schema). */
    static Stream<Arguments> components() {
        List<Arguments> all = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode schema = EventSchemas.schemaNode(type);
            addComponents(all, type + "", (Record) Samples.full(type), schema);
            schema.path("$defs").fieldNames().forEachRemaining(name ->
                    addComponents(all, type + " $defs/" + name, DEFINITIONS.get(name), schema.get("$defs").get(name)));
        }
        return all.stream();
    }

    /** Reference components whose schema forbids null. */
    static Stream<Arguments> nonNullComponents() {
        return components().filter(arguments -> !SchemaTrees.allowsNull(property(arguments))
                && !isPrimitive((Record) arguments.get()[1], (String) arguments.get()[2]));
    }

    /**
     * Components whose schema allows null and whose sample sets them (the Defender examples leave some null),
     * except where a rule across fields refuses null.
     */
    static Stream<Arguments> nullableComponents() {
        return components().filter(arguments -> SchemaTrees.allowsNull(property(arguments))
                && sampleValue(arguments) != null
                && !NULL_REFUSED_ACROSS_FIELDS.contains(
                        arguments.get()[1].getClass().getSimpleName() + "." + arguments.get()[2]));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theFullEventSamplesSetEveryFieldSoEveryNullableOneIsCovered(EventType type) throws Exception {
        Record sample = (Record) Samples.full(type);
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            assertThat(component.getAccessor().invoke(sample)).as(component.getName()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("nonNullComponents")
    void aRecordNeverHoldsNullWhereItsSchemaForbidsIt(String where, Record sample, String component,
            JsonNode property) throws Exception {
        Throwable refused = catchThrowable(() -> withNull(sample, component));

        if (refused == null) {
            // Accepted only if the record replaces the null (absent Defender arrays read as empty).
            assertThat(accessor(withNull(sample, component), component)).as(component).isNotNull();
        } else {
            assertThat(refused).isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class)
                    .hasMessageContaining(component);
        }
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("nullableComponents")
    void aRecordAcceptsNullWhereItsSchemaAllowsIt(String where, Record sample, String component,
            JsonNode property) throws Exception {
        assertThat(accessor(withNull(sample, component), component)).isNull();
    }

    @Test
    void crossFieldRulesRefuseNullInTheFullSamples() {
        for (EventType type : List.of(EventType.DECISION_MADE, EventType.MACHINE_ACTION_REQUESTED)) {
            Record sample = (Record) Samples.full(type);
            for (String field : NULL_REFUSED_ACROSS_FIELDS) {
                if (field.startsWith(sample.getClass().getSimpleName() + ".")) {
                    String component = field.substring(field.indexOf('.') + 1);
                    assertThatThrownBy(() -> withNull(sample, component)).hasMessageContaining(component);
                }
            }
        }
    }

    static Stream<Arguments> enums() {
        List<String> severities = names(Severity.values());
        List<String> isolationTypes = names(IsolationType.values());
        List<String> actionTypes = names(MachineActionType.values());
        return Stream.of(
                Arguments.of(EventType.ALERT_DETECTED, "/properties/severity", severities),
                Arguments.of(EventType.ALERT_SEVERITY_RAISED, "/properties/severity", severities),
                Arguments.of(EventType.ALERT_SEVERITY_RAISED, "/properties/previousSeverity", severities),
                Arguments.of(EventType.ALERT_ENRICHED, "/$defs/defenderAlert/properties/severity",
                        withNull(severities)),
                Arguments.of(EventType.DECISION_MADE, "/$defs/alertSummary/properties/severity",
                        withNull(severities)),
                Arguments.of(EventType.DECISION_MADE, "/properties/outcome", names(DecisionOutcome.values())),
                Arguments.of(EventType.DECISION_MADE, "/properties/isolationType", withNull(isolationTypes)),
                Arguments.of(EventType.DECISION_MADE, "/properties/actions/items",
                        Arrays.stream(RuleAction.values()).map(RuleAction::wireName).toList()),
                Arguments.of(EventType.MACHINE_ACTION_REQUESTED, "/properties/type", actionTypes),
                Arguments.of(EventType.MACHINE_ACTION_REQUESTED, "/properties/isolationType",
                        withNull(isolationTypes)),
                Arguments.of(EventType.MACHINE_ACTION_COMPLETED, "/properties/type", actionTypes),
                Arguments.of(EventType.MACHINE_ACTION_COMPLETED, "/properties/status", names(FinalStatus.values())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enums")
    void aSchemaEnumListsExactlyTheJavaEnumsWireValues(EventType type, String pointer, List<String> expected) {
        JsonNode property = EventSchemas.schemaNode(type).at(pointer);

        assertThat(SchemaTrees.strings(property.get("enum"))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void idPropertiesUseTheDefenderIdsPatterns(EventType type) {
        Set<String> checked = new HashSet<>();
        SchemaTrees.forEachProperty(EventSchemas.schemaNode(type), (name, property) -> {
            String expected = switch (name) {
                case "alertId" -> DefenderIds.ALERT_ID_PATTERN;
                case "machineId", "deviceId" -> DefenderIds.MACHINE_ID_PATTERN;
                default -> null;
            };
            if (expected != null) {
                assertThat(property.path("pattern").asText()).as(name).isEqualTo(expected);
                checked.add(name);
            } else if (property.has("pattern")) {
                // Only ids and hashes have patterns, and only these (Defender's own evidence sha1 has none: it is
                // data, checked only where it is acted on).
                assertThat(property.get("pattern").asText()).as(name)
                        .isIn(DefenderIds.ALERT_ID_PATTERN, DefenderIds.MACHINE_ID_PATTERN, DefenderIds.SHA1_PATTERN);
            }
        });
        assertThat(checked).as("id properties found").isNotEmpty();
    }

    private static Object sampleValue(Arguments arguments) {
        try {
            return accessor((Record) arguments.get()[1], (String) arguments.get()[2]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode property(Arguments arguments) {
        return (JsonNode) arguments.get()[3];
    }

    private static void addComponents(List<Arguments> all, String where, Record sample, JsonNode objectSchema) {
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            all.add(Arguments.of(where, sample, component.getName(),
                    objectSchema.get("properties").get(component.getName())));
        }
    }

    private static Set<String> componentNames(Class<?> recordClass) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static boolean isPrimitive(Record sample, String component) {
        return Arrays.stream(sample.getClass().getRecordComponents())
                .anyMatch(c -> c.getName().equals(component) && c.getType().isPrimitive());
    }

    /** A copy of {@code sample} with {@code component} null, through the canonical constructor. */
    private static Record withNull(Record sample, String component) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(component) ? null : components[i].getAccessor().invoke(sample);
        }
        Constructor<?> constructor = sample.getClass().getDeclaredConstructor(types);
        try {
            return (Record) constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object accessor(Record record, String component) throws Exception {
        return record.getClass().getMethod(component).invoke(record);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> withNull(List<String> values) {
        List<String> withNull = new ArrayList<>(values);
        withNull.add(null);
        return withNull;
    }
}
