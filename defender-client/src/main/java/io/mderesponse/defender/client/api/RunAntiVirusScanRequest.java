package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mderesponse.contracts.defender.ScanType;

/** Body of {@code POST /api/machines/{id}/runAntiVirusScan}; Defender's parameter names are case-sensitive. */
public record RunAntiVirusScanRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("ScanType") ScanType scanType) {
}
