package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/machines/{id}/StopAndQuarantineFile}; Defender's parameter names are case-sensitive. */
public record StopAndQuarantineFileRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("Sha1") String sha1) {
}
