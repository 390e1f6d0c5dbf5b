package io.mderesponse.contracts.event;

import java.util.Arrays;
import java.util.Optional;

/** Every event kind: its record class, its CloudEvents {@code ce_type}, and its JSON Schema file. */
public enum EventType {
    ALERT_DETECTED(AlertDetected.class, "defender.alert.detected.v1", "alert-detected"),
    ALERT_SEVERITY_RAISED(AlertSeverityRaised.class, "defender.alert.severity-raised.v1", "alert-severity-raised"),
    ALERT_ENRICHED(AlertEnriched.class, "defender.alert.enriched.v1", "alert-enriched"),
    HUNTING_ROW_ENRICHED(HuntingRowEnriched.class, "defender.hunting.row-enriched.v1", "hunting-row-enriched"),
    DECISION_MADE(DecisionMade.class, "defender.decision.made.v1", "decision-made"),
    MACHINE_ACTION_REQUESTED(MachineActionRequested.class, "defender.action.requested.v1",
            "machine-action-requested"),
    MACHINE_ACTION_COMPLETED(MachineActionCompleted.class, "defender.action.completed.v1",
            "machine-action-completed"),
    HUNTING_ROW_FOUND(HuntingRowFound.class, "defender.hunting.row-found.v1", "hunting-row-found"),
    RESPONSE_ACTION_REQUESTED(ResponseActionRequested.class, "defender.response-action.requested.v1",
            "response-action-requested"),
    RESPONSE_ACTION_COMPLETED(ResponseActionCompleted.class, "defender.response-action.completed.v1",
            "response-action-completed");

    private static final String SCHEMA_FOLDER = "io/mderesponse/contracts/schemas/v" + Event.SCHEMA_VERSION + "/";

    private final Class<? extends Event> eventClass;
    private final String ceType;
    private final String schemaName;

    EventType(Class<? extends Event> eventClass, String ceType, String schemaName) {
        this.eventClass = eventClass;
        this.ceType = ceType;
        this.schemaName = schemaName;
    }

    public Class<? extends Event> eventClass() {
        return eventClass;
    }

    /** The {@code ce_type} header value, e.g. {@code defender.alert.detected.v1}. */
    public String ceType() {
        return ceType;
    }

    /** The schema's file name, e.g. {@code alert-detected.schema.json}. */
    public String schemaFileName() {
        return schemaName + ".schema.json";
    }

    /** The schema's class-path resource, e.g. {@code io/mderesponse/contracts/schemas/v1/alert-detected.schema.json}. */
    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFileName();
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends Event> eventClass) {
        return Arrays.stream(values())
                .filter(type -> type.eventClass.equals(eventClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + eventClass.getName()));
    }
}
