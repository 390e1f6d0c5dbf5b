package io.mderesponse.notifier.mail;

import io.mderesponse.notifier.service.ActionResultView;
import io.mderesponse.notifier.service.DecisionView;
import io.mderesponse.notifier.service.DigestView;
import io.mderesponse.notifier.service.MailView;
import io.mderesponse.notifier.service.PlanResultView;

/** Renders a {@link MailView} with its pair of templates. */
public final class MailRenderer {

    private MailRenderer() {
    }

    public static RenderedMail render(MailView view) {
        if (view instanceof ActionResultView result) {
            return new RenderedMail(MailTemplates.actionResultHtml(result).render(),
                    MailTemplates.actionResultText(result).render());
        }
        if (view instanceof DecisionView decision) {
            return new RenderedMail(MailTemplates.decisionHtml(decision).render(),
                    MailTemplates.decisionText(decision).render());
        }
        if (view instanceof DigestView digest) {
            return new RenderedMail(MailTemplates.digestHtml(digest).render(),
                    MailTemplates.digestText(digest).render());
        }
        if (view instanceof PlanResultView plan) {
            return new RenderedMail(MailTemplates.planResultHtml(plan).render(),
                    MailTemplates.planResultText(plan).render());
        }
        throw new IllegalArgumentException("No templates for " + view.getClass().getName());
    }
}
