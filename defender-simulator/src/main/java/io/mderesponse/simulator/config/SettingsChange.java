package io.mderesponse.simulator.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.mderesponse.simulator.actions.ActionOutcome;
import io.mderesponse.simulator.actions.InitialStatus;
import io.mderesponse.simulator.actions.QuarantineRepeat;
import io.mderesponse.simulator.actions.RepeatAnswer;
import java.util.List;
import java.util.Map;

/**
 * A run-time change of settings (admin API); null means "leave as is", durations as {@code 30s} or {@code PT30S},
 * {@code roles} replaces the whole list of granted permissions.
 */
public record SettingsChange(
        String actionDelay,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) ActionOutcome actionOutcome,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) InitialStatus actionInitialStatus,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) RepeatAnswer repeatAnswer,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) QuarantineRepeat quarantineRepeat,
        String tokenLifetime,
        String rateLimitWindow,
        Map<String, LimitChange> rateLimits,
        List<String> roles) {

    /** New limits of one family; null means "leave as is". */
    public record LimitChange(Integer perWindow, Integer perHour) {
    }
}
