package io.mderesponse.enrichment.service;

import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.enrichment.config.EnrichmentConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain {@link EnrichmentService} to the Defender client, its budget, the cache and the metrics. */
public class EnrichmentServiceProducer {

    @Produces
    @Singleton
    EnrichmentMetrics enrichmentMetrics(MeterRegistry registry) {
        return new EnrichmentMetrics(registry);
    }

    @Produces
    @Singleton
    EnrichmentService enrichmentService(DefenderClient defender, DefenderBudget budget, EnrichmentConfig config,
            EnrichmentMetrics metrics) {
        MachineCache machines = new MachineCache(config.machineCacheTtl(), config.machineCacheSize(),
                Clock.systemUTC());
        return new EnrichmentService(defender, budget, machines, metrics, config.readFullAlert());
    }
}
