package io.mderesponse.notifier.service;

/**
 * The alert (or hunting row) and machine an email is about; every text field is one line, bounded, and
 * {@link MailText#NONE} when unknown.
 *
 * @param alertUrl the alert in the portal; null when there is no alert (hunting rows, releases)
 * @param machineUrl the machine in the portal; null when there is no machine
 */
public record AlertView(
        String title,
        String severity,
        String alertId,
        String category,
        String detectionSource,
        String machineName,
        String machineId,
        String rbacGroup,
        String createdAt,
        String firstEventAt,
        String lastEventAt,
        String alertUrl,
        String machineUrl) {
}
