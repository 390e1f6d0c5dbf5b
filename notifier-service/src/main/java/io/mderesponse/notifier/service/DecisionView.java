package io.mderesponse.notifier.service;

/** The email about a decision whose rule asks to notify without isolating. */
public record DecisionView(
        AlertView alert,
        String outcome,
        String actions,
        String ruleId,
        String rulesetVersion,
        String decisionId,
        String reason,
        String decidedAt) implements MailView {
}
