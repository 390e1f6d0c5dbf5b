package io.mderesponse.enrichment.service;

import io.mderesponse.defender.client.DefenderClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain {@link EnrichmentService} to the Defender client. */
public class EnrichmentServiceProducer {

    @Produces
    @Singleton
    EnrichmentService enrichmentService(DefenderClient defender) {
        return new EnrichmentService(defender);
    }
}
