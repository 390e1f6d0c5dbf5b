package io.mderesponse.service.processing;

/** How soon a record should be processed when a channel has more work than it can start: HIGH first. */
public enum Urgency {
    LOW,
    NORMAL,
    HIGH
}
