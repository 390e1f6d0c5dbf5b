package io.mderesponse.notifier.service;

/** What a mail template shows: text already made safe by {@link MailText}, links already built. */
public sealed interface MailView permits ActionResultView, DecisionView, DigestView, PlanResultView {
}
