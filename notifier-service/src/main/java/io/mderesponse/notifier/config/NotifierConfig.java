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
}
