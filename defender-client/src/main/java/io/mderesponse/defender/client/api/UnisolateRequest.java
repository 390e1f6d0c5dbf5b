package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/machines/{id}/unisolate}; Defender's parameter names are case-sensitive. */
public record UnisolateRequest(@JsonProperty("Comment") String comment) {
}
