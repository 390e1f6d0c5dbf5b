package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Defender machine action ({@code /api/machineactions}), as the calls that start one answer and the action
 * list returns it, with every field Defender documents.
 *
 * @param id a GUID
 * @param type e.g. {@code Isolate}, {@code Unisolate}, {@code RunAntiVirusScan}: a string, because the API has
 *     more action types than this project acts on (see {@link #typeIs})
 * @param scope {@code Full}/{@code Selective} for isolation, {@code Quick}/{@code Full} for scans, else null
 * @param commands live-response commands; kept as JSON because this project never runs live response
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineAction(
        String id,
        String type,
        String scope,
        String requestor,
        String requestorComment,
        String requestSource,
        @JsonProperty("externalID") String externalId,
        MachineActionStatus status,
        String machineId,
        String computerDnsName,
        Instant creationDateTimeUtc,
        // The collection examples of the docs spell it lastUpdateTimeUtc.
        @JsonAlias("lastUpdateTimeUtc") Instant lastUpdateDateTimeUtc,
        String cancellationRequestor,
        String cancellationComment,
        Instant cancellationDateTimeUtc,
        String title,
        RelatedFileInfo relatedFileInfo,
        List<JsonNode> commands,
        Integer errorHResult) {

    public MachineAction {
        Objects.requireNonNull(id, "MachineAction.id is required");
        Objects.requireNonNull(status, "MachineAction.status is required");
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** Whether this is an action of the given type, e.g. {@code typeIs(MachineActionType.Isolate)}. */
    public boolean typeIs(MachineActionType wanted) {
        return wanted.name().equals(type);
    }

    /**
     * Whether this is an action of the given kind, by Defender's {@code type} (e.g. {@code RunAntiVirusScan} for
     * {@link MachineActionKind#ANTIVIRUS_SCAN}); never for {@link MachineActionKind#UNKNOWN}.
     */
    public boolean typeIs(MachineActionKind wanted) {
        return wanted.defenderType() != null && wanted.defenderType().equals(type);
    }
}
