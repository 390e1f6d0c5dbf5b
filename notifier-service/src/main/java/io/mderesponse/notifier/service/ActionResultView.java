package io.mderesponse.notifier.service;

/** The email about a machine action that reached its final status. */
public record ActionResultView(
        AlertView alert,
        String action,
        String status,
        boolean succeeded,
        String reason,
        String machineActionId,
        String requestId,
        String decisionId,
        String rule,
        String requestedAt,
        String completedAt) implements MailView {
}
