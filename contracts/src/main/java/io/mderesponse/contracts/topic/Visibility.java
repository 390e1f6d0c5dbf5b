package io.mderesponse.contracts.topic;

/** Whether a topic is part of the published contract or private to the service that owns it. */
public enum Visibility {
    /** Downstream consumers may read it; its events follow the schemas' compatibility rule. */
    PUBLIC,
    /** Only its owner reads and writes it; the format may change with the owner. */
    INTERNAL
}
