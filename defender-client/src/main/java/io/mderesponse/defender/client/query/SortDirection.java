package io.mderesponse.defender.client.query;

/** The order of an {@code $orderby} field. */
public enum SortDirection {
    ASC,
    DESC;

    String odata() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
