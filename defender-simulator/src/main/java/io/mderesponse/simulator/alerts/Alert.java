package io.mderesponse.simulator.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alert with the documented fields, in the documented order; unset fields are written as null. Stored alerts
 * hold everything; {@link #asListed(boolean)} is what a list answer shows of them.
 */
public record Alert(
        String id,
        Long incidentId,
        Long investigationId,
        String assignedTo,
        String severity,
        String status,
        String classification,
        String determination,
        String investigationState,
        String detectionSource,
        String detectorId,
        String category,
        String threatFamilyName,
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
        String threatName,
        List<String> mitreTechniques,
        RelatedUser relatedUser,
        List<Comment> comments,
        // Absent (not null) in list answers without $expand=evidence, as on the real API.
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Evidence> evidence,
        // Live-only extras of the single read (reference section 2): never in list answers, even with $expand.
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LoggedOnUser> loggedOnUsers,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> domains) {

    /** Documented severities, in increasing order. */
    public static final List<String> SEVERITIES = List.of("UnSpecified", "Informational", "Low", "Medium", "High");

    /** Documented statuses. */
    public static final List<String> STATUSES = List.of("Unknown", "New", "InProgress", "Resolved");

    /** The user an alert relates to. */
    public record RelatedUser(String userName, String domainName) {
    }

    /** A comment on an alert. */
    public record Comment(String comment, String createdBy, Instant createdTime) {
    }

    /** A user logged on to the alert's machine. */
    public record LoggedOnUser(String accountName, String domainName) {
    }

    /**
     * This alert as list answers show it: without {@code loggedOnUsers} and {@code domains}, which only
     * {@code GET /api/alerts/{id}} returns, and without evidence unless {@code $expand=evidence} asked for it.
     */
    public Alert asListed(boolean withEvidence) {
        return new Alert(id, incidentId, investigationId, assignedTo, severity, status, classification, determination,
                investigationState, detectionSource, detectorId, category, threatFamilyName, title, description,
                alertCreationTime, firstEventTime, lastEventTime, lastUpdateTime, resolvedTime, machineId,
                computerDnsName, rbacGroupName, aadTenantId, threatName, mitreTechniques, relatedUser, comments,
                withEvidence ? evidence : null, null, null);
    }
}
