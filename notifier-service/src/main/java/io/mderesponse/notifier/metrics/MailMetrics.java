package io.mderesponse.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notifier_emails_total{outcome="sent"|"failed"}} on {@code /q/metrics}: emails the SMTP server took, and
 * send attempts it did not take (each try counts, so a failing server shows at once, before a record gives up).
 */
@ApplicationScoped
public class MailMetrics {

    public static final String EMAILS = "notifier.emails";

    private final Counter sent;
    private final Counter failed;

    public MailMetrics(MeterRegistry registry) {
        this.sent = Counter.builder(EMAILS).description("Emails the SMTP server took (sent) or did not take (failed)")
                .tag("outcome", "sent").register(registry);
        this.failed = Counter.builder(EMAILS).description("Emails the SMTP server took (sent) or did not take (failed)")
                .tag("outcome", "failed").register(registry);
    }

    public void sent() {
        sent.increment();
    }

    public void failed() {
        failed.increment();
    }
}
