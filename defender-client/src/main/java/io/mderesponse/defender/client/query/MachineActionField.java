package io.mderesponse.defender.client.query;

/** The machine action fields Defender documents as filterable, with their OData names. */
public enum MachineActionField {
    /** Checked as a GUID. */
    ID("id", ValueKind.STRING),
    STATUS("status", ValueKind.STRING),
    /** Checked as a machine id (40 lowercase hex). */
    MACHINE_ID("machineId", ValueKind.STRING),
    TYPE("type", ValueKind.STRING),
    REQUESTOR("requestor", ValueKind.STRING),
    CREATION_DATE_TIME_UTC("creationDateTimeUtc", ValueKind.TIMESTAMP);

    private final String odataName;
    private final ValueKind kind;

    MachineActionField(String odataName, ValueKind kind) {
        this.odataName = odataName;
        this.kind = kind;
    }

    /** The name as written in {@code $filter}, e.g. {@code machineId}. */
    public String odataName() {
        return odataName;
    }

    ValueKind kind() {
        return kind;
    }
}
