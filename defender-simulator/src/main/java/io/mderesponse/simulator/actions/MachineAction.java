package io.mderesponse.simulator.actions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A machine action as the API shows it at one moment, with the documented fields. */
public record MachineAction(
        String id,
        String type,
        String title,
        String requestor,
        String requestorComment,
        String status,
        String machineId,
        String computerDnsName,
        Instant creationDateTimeUtc,
        Instant lastUpdateDateTimeUtc,
        String cancellationRequestor,
        String cancellationComment,
        Instant cancellationDateTimeUtc,
        int errorHResult,
        String scope,
        String requestSource,
        @JsonProperty("externalID") String externalId,
        Object relatedFileInfo,
        List<Object> commands) {
}
