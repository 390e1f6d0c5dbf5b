package io.mderesponse.simulator.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.mderesponse.simulator.actions.ActionOutcome;
import java.util.Map;

/** A run-time change of settings (admin API); null means "leave as is", durations as {@code 30s} or {@code PT30S}. */
public record SettingsChange(
        String actionDelay,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) ActionOutcome actionOutcome,
        String tokenLifetime,
        String rateLimitWindow,
        Map<String, LimitChange> rateLimits) {

    /** New limits of one family; null means "leave as is". */
    public record LimitChange(Integer perWindow, Integer perHour) {
    }
}
