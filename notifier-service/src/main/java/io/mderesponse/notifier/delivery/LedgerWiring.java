package io.mderesponse.notifier.delivery;

import io.mderesponse.notifier.config.NotifierConfig;
import io.mderesponse.notifier.ledger.KafkaSentLog;
import io.mderesponse.notifier.ledger.NotificationLedger;
import io.quarkus.runtime.ShutdownEvent;
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
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the sent-log and the ledger from {@code notifier.*}, and reads the sent-log whole after the topics are
 * ready and before messaging reads the first record.
 */
@Singleton
public class LedgerWiring {

    private static final Logger LOG = Logger.getLogger(LedgerWiring.class);
    /** How long a sent-log write may wait for the broker's acknowledgement. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** How often sent entries past {@code notifier.sent-log-retention} are removed. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final NotifierConfig config;
    private final Map<String, Object> kafkaConfig;
    private KafkaSentLog store;
    private NotificationLedger ledger;

    LedgerWiring(NotifierConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
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
