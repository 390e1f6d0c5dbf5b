package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rule can ask for. On the wire and in rule files the values are lowercase. */
public enum RuleAction {
    @JsonProperty("isolate")
    ISOLATE("isolate"),
    @JsonProperty("notify")
    NOTIFY("notify");

    private final String wireName;

    RuleAction(String wireName) {
        this.wireName = wireName;
    }

    /** The value in JSON and in rule files: {@code isolate} or {@code notify}. */
    public String wireName() {
        return wireName;
    }
}
