package io.mderesponse.notifier.testing;

import io.mderesponse.notifier.config.NotifierConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link NotifierConfig} with the given values, for tests outside Quarkus. */
public record TestConfig(Optional<List<String>> recipients, String from, String portalBaseUrl, Duration sendTimeout)
        implements NotifierConfig {

    public static TestConfig defaults() {
        return new TestConfig(Optional.empty(), "mde-response@localhost", "https://security.microsoft.com",
                Duration.ofSeconds(60));
    }

    public TestConfig withRecipients(String... addresses) {
        return new TestConfig(Optional.of(List.of(addresses)), from, portalBaseUrl, sendTimeout);
    }

    public TestConfig withFrom(String address) {
        return new TestConfig(recipients, address, portalBaseUrl, sendTimeout);
    }

    @Override
    public int digestThreshold() {
        return 20;
    }

    @Override
    public Duration digestWindow() {
        return Duration.ofMinutes(10);
    }

    @Override
    public int maxAttempts() {
        return 5;
    }

    @Override
    public Duration retryInitial() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration retryMax() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String sentLogTopic() {
        return "defender.internal.notifier.sent-log";
    }

    @Override
    public Duration sentLogRetention() {
        return Duration.ofDays(7);
    }

    public TestConfig withPortalBaseUrl(String url) {
        return new TestConfig(recipients, from, url, sendTimeout);
    }
}
