package io.mderesponse.defender.client.query;

/** The alert fields Defender documents as filterable and sortable, with their OData names. */
public enum AlertField {
    ALERT_CREATION_TIME("alertCreationTime", ValueKind.TIMESTAMP),
    LAST_UPDATE_TIME("lastUpdateTime", ValueKind.TIMESTAMP),
    LAST_EVENT_TIME("lastEventTime", ValueKind.TIMESTAMP),
    INCIDENT_ID("incidentId", ValueKind.NUMBER),
    INVESTIGATION_ID("investigationId", ValueKind.NUMBER),
    /** Checked as an alert id (1 to 128 of {@code [A-Za-z0-9_-]}). */
    ID("id", ValueKind.STRING),
    ASSIGNED_TO("assignedTo", ValueKind.STRING),
    DETECTION_SOURCE("detectionSource", ValueKind.STRING),
    STATUS("status", ValueKind.STRING),
    SEVERITY("severity", ValueKind.STRING),
    CATEGORY("category", ValueKind.STRING);

    private final String odataName;
    private final ValueKind kind;

    AlertField(String odataName, ValueKind kind) {
        this.odataName = odataName;
        this.kind = kind;
    }

    /** The name as written in {@code $filter} and {@code $orderby}, e.g. {@code lastUpdateTime}. */
    public String odataName() {
        return odataName;
    }

    ValueKind kind() {
        return kind;
    }
}
