package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A comment on an alert ({@code comments[]}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertComment(String comment, String createdBy, Instant createdTime) {
}
