package io.mderesponse.contracts.access;

/**
 * The Kafka ACL operations the services need; nothing else is ever granted (no Create, Alter, Delete or
 * cluster operations). Kafka lets {@code READ} and {@code WRITE} imply {@code DESCRIBE}; the catalogue still
 * lists {@code DESCRIBE} where a service looks a resource up at start, so the grant says why it is there.
 */
public enum Operation {
    /** Consume a topic; join a group and commit its offsets. */
    READ,
    /** Produce to a topic (idempotent producers included, Kafka 3+); use a transactional id. */
    WRITE,
    /** See a topic in listings and its partitions (the start check); find a transaction coordinator. */
    DESCRIBE
}
