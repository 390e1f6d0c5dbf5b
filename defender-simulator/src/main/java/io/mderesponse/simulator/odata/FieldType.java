package io.mderesponse.simulator.odata;

/** The OData type of a filterable property, which decides the literals it may be compared with. */
public enum FieldType {
    DATE_TIME("Edm.DateTimeOffset"),
    STRING("Edm.String"),
    INT64("Edm.Int64"),
    ENUM("Edm.Enum");

    private final String edmName;

    FieldType(String edmName) {
        this.edmName = edmName;
    }

    /** The type's name as OData error messages spell it. */
    public String edmName() {
        return edmName;
    }
}
