package io.mderesponse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Downstream configuration names deserialisers by class: each event type must have one, instantiable without arguments. */
class DeserializerClassesTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasANoArgDeserializerNamedAfterItsRecord(EventType type) throws Exception {
        Class<?> deserializerClass = Class.forName(
                "io.mderesponse.contracts.serde." + type.eventClass().getSimpleName() + "Deserializer");

        Object deserializer = deserializerClass.getConstructor().newInstance();

        assertThat(deserializer).isInstanceOf(JsonEventDeserializer.class);
        assertThat(((JsonEventDeserializer<?>) deserializer).eventType()).isEqualTo(type);
    }
}
