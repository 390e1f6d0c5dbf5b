package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * An event of the pipeline: what every record on a public topic carries.
 *
 * <p>The event's kind is {@link #eventType()} rather than {@code type()}, because the machine action events
 * already have a {@code type} field (Isolate, Unisolate) as Defender names it.
 */
public sealed interface Event
        permits AlertNewEvent, EnrichedEvent, DecisionMade, MachineActionRequested, MachineActionCompleted,
        HuntingRowFound, ResponseActionRequested, ResponseActionCompleted {

    /** The {@code schemaVersion} of every event this library writes; it is also the {@code .v1} of ce_type. */
    int SCHEMA_VERSION = 1;

    UUID eventId();

    /** The alert id, or the hunting row key, or for a release its decision id: what ties a story together. */
    String correlationId();

    Instant occurredAt();

    int schemaVersion();

    @JsonIgnore
    EventType eventType();

    /** The record key the architecture prescribes for this event's topic. */
    @JsonIgnore
    String kafkaKey();
}
