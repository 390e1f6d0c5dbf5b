package io.mderesponse.notifier.service;

import java.util.List;

/**
 * The email about a decision's machine actions: each in the plan's order, with its own final status.
 *
 * @param heading the first line of the email, saying what happened
 * @param ruleId the rule that asked for the actions, or {@link MailText#NONE}
 */
public record PlanResultView(
        AlertView alert,
        String heading,
        String ruleId,
        String decisionId,
        List<ActionRow> actions) implements MailView {

    /**
     * One machine action; every text field one line, bounded, {@link MailText#NONE} when unknown.
     *
     * @param number its place in the plan, from 1
     * @param action what it does, in words
     * @param parameters its parameters in words (scan type, file name and SHA-1, isolation type)
     * @param type Defender's machine action type, e.g. {@code CollectInvestigationPackage}
     */
    public record ActionRow(int number, String action, String parameters, String type, String status,
            boolean succeeded, String reason, String machineActionId, String requestId, String requestedAt,
            String completedAt) {
    }
}
