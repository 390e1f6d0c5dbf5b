package io.mderesponse.notifier.mail;

import io.mderesponse.notifier.service.ActionResultView;
import io.mderesponse.notifier.service.DecisionView;
import io.mderesponse.notifier.service.DigestView;
import io.mderesponse.notifier.service.PlanResultView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The type-safe mail templates under {@code templates/mail/}; the build fails when a template uses a property its
 * view does not have. Qute escapes HTML in the {@code .html} templates; the {@code .txt} ones are plain text.
 */
@CheckedTemplate(basePath = "mail")
public final class MailTemplates {

    private MailTemplates() {
    }

    public static native TemplateInstance actionResultHtml(ActionResultView result);

    public static native TemplateInstance actionResultText(ActionResultView result);

    public static native TemplateInstance decisionHtml(DecisionView decision);

    public static native TemplateInstance decisionText(DecisionView decision);

    public static native TemplateInstance digestHtml(DigestView digest);

    public static native TemplateInstance digestText(DigestView digest);

    public static native TemplateInstance planResultHtml(PlanResultView plan);

    public static native TemplateInstance planResultText(PlanResultView plan);
}
