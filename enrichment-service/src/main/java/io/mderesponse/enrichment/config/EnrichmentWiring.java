package io.mderesponse.enrichment.config;

import io.mderesponse.enrichment.defender.DefenderLookups;
import io.mderesponse.enrichment.metrics.EnrichmentMetrics;
import io.mderesponse.enrichment.service.BudgetedEnrichment;
import io.mderesponse.enrichment.service.EnrichmentService;
import io.mderesponse.enrichment.service.MachineCache;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the plain {@link EnrichmentService} (with its machine cache, from {@link EnrichmentConfig}) and the
 * {@link BudgetedEnrichment} around it from the Defender adapter and the metrics.
 */
@Singleton
public class EnrichmentWiring {

    @Produces
    @Singleton
    EnrichmentService enrichmentService(DefenderLookups defender, EnrichmentConfig config,
            EnrichmentMetrics metrics) {
        MachineCache machines = new MachineCache(config.machineCacheTtl(), config.machineCacheSize(),
                Clock.systemUTC());
        return new EnrichmentService(defender, machines, metrics, config.readFullAlert());
    }

    @Produces
    @Singleton
    BudgetedEnrichment budgetedEnrichment(EnrichmentService enrichment) {
        return new BudgetedEnrichment(enrichment);
    }
}
