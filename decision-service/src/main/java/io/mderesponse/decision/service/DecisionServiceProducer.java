package io.mderesponse.decision.service;

import io.mderesponse.decision.reload.RulesRuntime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain {@link DecisionService} with the active rules, which reloading swaps. */
public class DecisionServiceProducer {

    @Produces
    @Singleton
    DecisionService decisionService(RulesRuntime rules) {
        return new DecisionService(rules.active());
    }
}
