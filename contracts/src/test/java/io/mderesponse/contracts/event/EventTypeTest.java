package io.mderesponse.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.Samples;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each event type maps to its record, its ce_type and its schema file. */
class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aTypeIsFoundByItsCeTypeAndByItsClass(EventType type) {
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(EventType.of(type.eventClass())).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventReportsItsOwnType(EventType type) {
        assertThat(Samples.full(type).eventType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaFileIsTheKebabCaseRecordNameUnderV1(EventType type) {
        String kebab = type.eventClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();

        assertThat(type.schemaResource())
                .isEqualTo("io/mderesponse/contracts/schemas/v1/" + kebab + ".schema.json");
        assertThat(EventTypeTest.class.getClassLoader().getResource(type.schemaResource())).isNotNull();
    }

    @Test
    void ceTypesAreVersionOneAndDistinct() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType))
                .doesNotHaveDuplicates()
                .allSatisfy(ceType -> assertThat(ceType).startsWith("defender.").endsWith(".v1"));
    }

    @Test
    void anUnknownCeTypeIsNotFound() {
        assertThat(EventType.fromCeType("defender.alert.detected.v2")).isEmpty();
    }
}
