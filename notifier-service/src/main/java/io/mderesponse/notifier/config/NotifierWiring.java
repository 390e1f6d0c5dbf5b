package io.mderesponse.notifier.config;

import io.mderesponse.notifier.service.NotificationLedger;
import io.mderesponse.notifier.service.NotificationService;
import io.mderesponse.notifier.service.PortalLinks;
import io.mderesponse.notifier.service.Recipients;
import io.mderesponse.notifier.service.ResultEmails;
import io.mderesponse.notifier.state.KafkaSentLog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the service's plain classes from {@code notifier.*} (a wrong setting stops the service at start, naming
 * it): the notification service, the sent-log, the ledger and the results' emails; reads the sent-log whole after the topics are ready
 * and before messaging reads the first record, then removes entries past their retention every minute.
 */
@Singleton
public class NotifierWiring {

    private static final Logger LOG = Logger.getLogger(NotifierWiring.class);
    /** How long a sent-log write may wait for the broker's acknowledgement. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** How often sent entries past {@code notifier.sent-log-retention} are removed. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final NotifierConfig config;
    private final Map<String, Object> kafkaConfig;
    private KafkaSentLog store;
    private NotificationLedger ledger;

    NotifierWiring(NotifierConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        check(config.digestThreshold() >= 1, "notifier.digest-threshold must be at least 1");
        check(positive(config.digestWindow()), "notifier.digest-window must be positive");
        check(config.maxAttempts() >= 1, "notifier.max-attempts must be at least 1");
        check(positive(config.retryInitial()), "notifier.retry-initial must be positive");
        check(!config.retryMax().minus(config.retryInitial()).isNegative(),
                "notifier.retry-max must be at least notifier.retry-initial");
        check(config.sentLogRetention().compareTo(config.digestWindow()) > 0,
                "notifier.sent-log-retention must be longer than notifier.digest-window");
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /** The plain {@link NotificationService} from {@code notifier.*}; a wrong setting stops the service at start. */
    @Produces
    @Singleton
    @Startup
    static NotificationService notificationService(NotifierConfig config) {
        List<String> recipients;
        try {
            recipients = Recipients.configured(config.recipients().orElse(List.of()),
                    NotificationService.RECIPIENTS_PROPERTY);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), Set.of(NotificationService.RECIPIENTS_PROPERTY));
        }
        PortalLinks links;
        try {
            links = new PortalLinks(config.portalBaseUrl());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("notifier.portal-base-url: " + e.getMessage(),
                    Set.of("notifier.portal-base-url"));
        }
        if (recipients.isEmpty()) {
            LOG.warnf("%s is empty: only events that name their own recipients are emailed",
                    NotificationService.RECIPIENTS_PROPERTY);
        } else {
            LOG.infof("Every email also goes to %d address(es) of %s", recipients.size(),
                    NotificationService.RECIPIENTS_PROPERTY);
        }
        return new NotificationService(recipients, links);
    }

    @Produces
    @Singleton
    NotificationLedger ledger() {
        if (ledger == null) {
            store = new KafkaSentLog(kafkaConfig, config.sentLogTopic(), WRITE_TIMEOUT, config.sentLogRetention(),
                    Clock.systemUTC());
            ledger = new NotificationLedger(store, config.digestThreshold(), config.digestWindow());
        }
        return ledger;
    }

    /** Results to emails: alone, or once per decision when its plan's last result arrives. */
    @Produces
    @Singleton
    ResultEmails resultEmails(NotificationService service) {
        return new ResultEmails(service, ledger(), Clock.systemUTC());
    }

    /** After the topics are ready (PLATFORM_BEFORE) and before messaging reads the first record. */
    void load(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) StartupEvent event) {
        NotificationLedger loaded = ledger();
        loaded.catchUp();
        LOG.infof("Sent-log %s read: %d entries, %d waiting for a digest", config.sentLogTopic(), loaded.size(),
                loaded.pendingCount());
        store.sweepEvery(SWEEP_INTERVAL, loaded::expireDue);
    }

    void stop(@Observes ShutdownEvent event) {
        if (store != null) {
            store.close();
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isZero() && !duration.isNegative();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new ConfigurationException(message, Set.of(message.split(" ")[0]));
        }
    }
}
