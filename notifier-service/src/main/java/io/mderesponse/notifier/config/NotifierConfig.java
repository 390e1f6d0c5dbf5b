package io.mderesponse.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who gets the emails, who sends them, and where their links point. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    /**
     * Addresses that receive every email, in addition to those the event names (the rule's {@code notify} list);
     * comma-separated, empty by default. An invalid address stops the service at start. With none here, an event
     * that names no recipient is logged and skipped.
     */
    Optional<List<String>> recipients();

    /** The sender ({@code From}) of every email. */
    @WithDefault("mde-response@localhost")
    String from();

    /** The Defender portal; emails link to {@code <url>/alerts/<alertId>} and {@code <url>/machines/<machineId>}. */
    @WithDefault("https://security.microsoft.com")
    String portalBaseUrl();

    /**
     * How long the SMTP server may take to accept one email; after that the send counts as failed and its record
     * goes to the dead letter topic (the email may still arrive if the server was only slow).
     */
    @WithDefault("60s")
    Duration sendTimeout();

    /**
     * How many emails may go out one by one per {@link #digestWindow()}; every further one in that window goes into
     * one digest, sent when the window closes. At least 1.
     */
    @WithDefault("20")
    int digestThreshold();

    /**
     * The length of a storm window. A window opens with the first email after the previous one closed; its digest,
     * if any, is sent when it closes.
     */
    @WithDefault("10m")
    Duration digestWindow();

    /** How many times an email is tried (the first send included) before its record goes to the dead letter topic. */
    @WithDefault("5")
    int maxAttempts();

    /** The pause before the first retry of a failed send; it doubles, with jitter, up to {@link #retryMax()}. */
    @WithDefault("1s")
    Duration retryInitial();

    /** The longest pause between two tries of one send. */
    @WithDefault("1m")
    Duration retryMax();

    /**
     * The compacted, single-partition topic of emails sent and digest entries waiting; read whole at start. Change
     * it only to run two independent notifier deployments on one cluster.
     */
    @WithDefault("defender.internal.notifier.sent-log")
    String sentLogTopic();

    /**
     * How long a sent email's entry stays in the sent-log (so a redelivered event sends no second email), and how
     * long a result of a multi-action plan (and a claim of its email) waits there for the rest; then it is removed. At least the retention of the topics the notifier reads (Kafka's default: 7 days), since only a
     * record still on its topic can be delivered again.
     */
    @WithDefault("7d")
    Duration sentLogRetention();
}
