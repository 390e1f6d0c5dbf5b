package io.mderesponse.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.service.NotificationService;
import io.mderesponse.notifier.testing.GreenMailResource;
import io.mderesponse.notifier.testing.NotifierTestProfile;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real templates as the application renders them (type-safe, with Qute's HTML escaping). */
@QuarkusTest
@TestProfile(NotifierTestProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class MailTemplatesTest {

    private static final String ESCAPED_TITLE =
            "Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co Bcc: attacker@evil.test";

    @Inject
    NotificationService notifications;

    @Test
    void theHtmlPartEscapesMarkupQuotesAndAmpersandsOfTheAlert() {
        AlertSummary alert = new AlertSummary(Samples.uniqueAlertId(), Samples.HOSTILE_TITLE, Severity.High,
                "<b>Exec</b>", "\"quoted\" & 'single'", Samples.MACHINE_ID, "<img src=x onerror=alert(1)>",
                "Workstations", null, null, null);

        String html = render(alert, FinalStatus.Succeeded, "<i>done</i>").html();

        assertThat(html)
                .contains(ESCAPED_TITLE)
                .contains("&lt;b&gt;Exec&lt;/b&gt;")
                .contains("&quot;quoted&quot; &amp; &#39;single&#39;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;i&gt;done&lt;/i&gt;")
                .doesNotContain("<script>", "<b>Exec", "<img", "<i>done");
    }

    @Test
    void theHtmlPartLinksToTheAlertAndTheMachineInThePortal() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Suspicious rundll32", Severity.High);

        String html = render(alert, FinalStatus.Succeeded, null).html();

        assertThat(html)
                .contains("<a href=\"" + NotifierTestProfile.PORTAL + "/alerts/" + alert.alertId()
                        + "\">Suspicious rundll32</a>")
                .contains("<a href=\"" + NotifierTestProfile.PORTAL + "/machines/" + Samples.MACHINE_ID + "\">"
                        + Samples.MACHINE_NAME + "</a>");
    }

    @Test
    void theTextPartShowsTheTitleUnescapedOnOneLine() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), Samples.HOSTILE_TITLE, Severity.High);

        String text = render(alert, FinalStatus.Failed, "Machine offline\r\nStatus: Succeeded").text();

        assertThat(text)
                .contains("Alert:            Evil <script>alert(\"x\")</script> & co Bcc: attacker@evil.test\n")
                .contains("Final status:     Failed\n")
                .contains("Reason:           Machine offline Status: Succeeded\n")
                .contains("Severity:         High\n")
                .doesNotContain("&lt;", "&amp;")
                .doesNotContain("\nStatus:");
    }

    @Test
    void theDecisionMailNamesTheRuleTheDecisionAndTheAlert() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), Samples.HOSTILE_TITLE, Severity.Medium);
        var decision = Samples.notifyOnly(alert, List.of());

        RenderedMail mail = MailRenderer.render(notifications.forDecision(decision).orElseThrow().view());

        assertThat(mail.html()).contains(ESCAPED_TITLE).contains("notify-medium")
                .contains(decision.decisionId().toString()).doesNotContain("<script>");
        assertThat(mail.text()).contains("Rule:             notify-medium")
                .contains("Alert id:         " + alert.alertId());
    }

    @ParameterizedTest
    @EnumSource(FinalStatus.class)
    void everyFinalStatusAndItsReasonReachTheSubjectAndBothParts(FinalStatus status) {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Suspicious rundll32", Severity.High);
        String reason = "Defender reports " + status + " for this machine";

        var notification = notifications.forActionResult(Samples.isolation(alert, status, reason, List.of()))
                .orElseThrow();
        RenderedMail mail = MailRenderer.render(notification.view());

        assertThat(notification.subject()).contains(status.name());
        assertThat(mail.text()).contains("Final status:     " + status.name() + "\n")
                .contains("Reason:           " + reason + "\n");
        assertThat(mail.html()).contains(status.name()).contains(reason);
    }

    private RenderedMail render(AlertSummary alert, FinalStatus status, String reason) {
        return MailRenderer.render(notifications.forActionResult(Samples.isolation(alert, status, reason,
                List.of())).orElseThrow().view());
    }
}
