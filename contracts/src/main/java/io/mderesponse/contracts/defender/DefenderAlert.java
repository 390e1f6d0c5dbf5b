package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Defender alert as {@code GET /api/alerts/{id}} returns it, with evidence.
 *
 * <p>The alerts list ({@code GET /api/alerts?$expand=evidence}) returns the same fields except
 * {@code loggedOnUsers} and {@code domains}, which only the single read has: in an alert taken from the list
 * they read as empty lists.
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
        List<LoggedOnUser> loggedOnUsers,
        // Defender documents no element type (seen empty): anything other than text is kept as its JSON text.
        @JsonDeserialize(contentUsing = AnyJsonAsText.class) List<String> domains) {

    public DefenderAlert {
        Objects.requireNonNull(id, "DefenderAlert.id is required");
        mitreTechniques = Lists.copyOf(mitreTechniques);
        comments = Lists.copyOf(comments);
        evidence = Lists.copyOf(evidence);
        loggedOnUsers = Lists.copyOf(loggedOnUsers);
        domains = Lists.copyOf(domains);
    }
}
