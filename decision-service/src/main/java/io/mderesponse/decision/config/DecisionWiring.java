package io.mderesponse.decision.config;

import io.mderesponse.decision.metrics.DecisionMetrics;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.service.reload.RulesRuntime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain {@link DecisionService} with the active rules, which reloading swaps. */
public class DecisionWiring {

    @Produces
    @Singleton
    DecisionService decisionService(RulesRuntime rules, DecisionMetrics metrics) {
        return new DecisionService(rules.active(), metrics::hashesRejected);
    }
}
