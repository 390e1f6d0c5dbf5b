package io.mderesponse.notifier.service;

import java.util.List;

/**
 * The email about a decision: notify-only, an isolation held for approval, or a hold that expired.
 *
 * @param heading the first line of the email, saying what happened
 * @param inputs what the rule's condition read (e.g. the alert's description or a command line), one line each
 */
public record DecisionView(
        AlertView alert,
        String heading,
        String outcome,
        String actions,
        String ruleId,
        String rulesetVersion,
        String decisionId,
        String reason,
        String decidedAt,
        List<InputRow> inputs) implements MailView {

    /** One input of the rule's condition: its name and value, one line each, bounded. */
    public record InputRow(String name, String value) {
    }
}
