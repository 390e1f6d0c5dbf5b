package io.mderesponse.defender.client.query;

/** The OData comparison operators Defender's {@code $filter} accepts. */
public enum Comparison {
    EQ("eq"),
    NE("ne"),
    GT("gt"),
    GE("ge"),
    LT("lt"),
    LE("le");

    private final String odata;

    Comparison(String odata) {
        this.odata = odata;
    }

    /** The operator as written in a filter, e.g. {@code ge}. */
    public String odata() {
        return odata;
    }
}
