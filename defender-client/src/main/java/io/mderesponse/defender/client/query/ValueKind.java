package io.mderesponse.defender.client.query;

/** How a filterable field's values are written in OData: each kind has its own, safe, literal syntax. */
enum ValueKind {
    /** {@code 2021-01-24T10:00:00Z}, unquoted, always UTC. */
    TIMESTAMP,
    /** {@code 'text'}, quotes doubled inside. */
    STRING,
    /** {@code 1126093}. */
    NUMBER
}
