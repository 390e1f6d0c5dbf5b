package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Defender alert as {@code GET /api/alerts/{id}} returns it, with evidence.
 *
 * <p>Only {@code id} is required: everything else is Defender's data and may be null. Enum-like fields other
 * than {@link Severity} stay strings because Defender adds values. Absent arrays read as empty lists.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefenderAlert(
        String id,
        Long incidentId,
        Long investigationId,
        String assignedTo,
        Severity severity,
        String status,
        String classification,
        String determination,
        String investigationState,
        String detectionSource,
        String detectorId,
        String category,
        String threatFamilyName,
        String threatName,
        String title,
        String description,
        Instant alertCreationTime,
        Instant firstEventTime,
        Instant lastEventTime,
        Instant lastUpdateTime,
        Instant resolvedTime,
        String machineId,
        String computerDnsName,
        String rbacGroupName,
        String aadTenantId,
        List<String> mitreTechniques,
        RelatedUser relatedUser,
        List<AlertComment> comments,
        List<Evidence> evidence,
        List<LoggedOnUser> loggedOnUsers) {

    public DefenderAlert {
        Objects.requireNonNull(id, "DefenderAlert.id is required");
        mitreTechniques = Lists.copyOf(mitreTechniques);
        comments = Lists.copyOf(comments);
        evidence = Lists.copyOf(evidence);
        loggedOnUsers = Lists.copyOf(loggedOnUsers);
    }
}
