package io.mderesponse.decision.service;

import io.mderesponse.decision.config.RulesConfig;
import io.mderesponse.decision.rules.BundledRules;
import io.mderesponse.decision.rules.RuleSet;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/** Wires the plain {@link DecisionService} with the active rule set. */
public class DecisionServiceProducer {

    @Produces
    @Singleton
    DecisionService decisionService(RulesConfig config) {
        if (config.path().isPresent()) {
            // Failing loudly beats silently applying the bundled rule instead of the operator's file.
            throw new ConfigurationException("rules.path is set to " + config.path().get() + ", but rule files are "
                    + "not supported yet: unset rules.path to use the bundled rule (severity High → isolate)",
                    Set.of("rules.path"));
        }
        RuleSet bundled = BundledRules.ruleSet();
        return new DecisionService(() -> bundled);
    }
}
