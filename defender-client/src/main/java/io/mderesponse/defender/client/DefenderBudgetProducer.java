package io.mderesponse.defender.client;

import io.mderesponse.defender.client.budget.BudgetLimits;
import io.mderesponse.defender.client.budget.BudgetShares;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.defender.client.budget.FamilyLimit;
import io.mderesponse.defender.client.config.DefenderConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds this process's {@link DefenderBudget} from {@code defender.budget.*} and the service's default shares,
 * says at start what is in force, and shows each family's free tokens as the gauge
 * {@code defender_budget_available{family,span}}.
 */
@Singleton
class DefenderBudgetProducer {

    private static final Logger LOG = Logger.getLogger(DefenderBudgetProducer.class);

    @Produces
    @Singleton
    DefenderBudget budget(DefenderConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "") String applicationName) {
        DefenderConfig.Budget settings = config.budget();
        String service = settings.service().orElse(applicationName);
        Map<ApiFamily, FamilyLimit> limits = BudgetLimits.resolve(settings, service);
        DefenderBudget budget = new DefenderBudget(limits, settings.window(), settings.lowPriorityReserve(),
                settings.highPriorityReserve(), Clock.systemUTC());
        LOG.infof("Defender call budget of %s (%s, %d replica(s), window %s, longest wait %s): %s", service,
                BudgetShares.knows(service) ? "its default shares" : "not a known service: Defender's whole limits",
                settings.replicas(), settings.window(), settings.maxWait(),
                limits.entrySet().stream().map(e -> e.getKey().configName() + " " + e.getValue())
                        .collect(Collectors.joining("; ")));
        for (ApiFamily family : ApiFamily.values()) {
            Gauge.builder("defender.budget.available", budget, b -> b.availablePerMinute(family))
                    .description("Tokens of the family's budget free now")
                    .tags("family", family.configName(), "span", "minute").register(registry);
            Gauge.builder("defender.budget.available", budget, b -> b.availablePerHour(family))
                    .description("Tokens of the family's budget free now")
                    .tags("family", family.configName(), "span", "hour").register(registry);
            Gauge.builder("defender.budget.paused", budget, b -> pausedSeconds(b, family))
                    .description("Seconds the family stays paused by Defender's last 429 (0 when not paused)")
                    .baseUnit("seconds").tags("family", family.configName()).register(registry);
        }
        return budget;
    }

    private static double pausedSeconds(DefenderBudget budget, ApiFamily family) {
        return budget.pausedUntil(family)
                .map(until -> Math.max(0, Duration.between(Instant.now(), until).toMillis()) / 1000.0)
                .orElse(0.0);
    }
}
