package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mderesponse.contracts.defender.IsolationType;

/** Body of {@code POST /api/machines/{id}/isolate}; Defender's parameter names are case-sensitive. */
public record IsolateRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("IsolationType") IsolationType isolationType) {
}
