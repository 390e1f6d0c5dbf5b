package io.mderesponse.response.service;

import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.response.config.ResponseConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain {@link ResponseService}. */
public class ResponseServiceProducer {

    @Produces
    @Singleton
    ResponseService responseService(DefenderClient defender, ResponseConfig config) {
        Clock clock = Clock.systemUTC();
        ActionTracker tracker = new ActionTracker(defender, config.actionTimeout(), config.pollInitial(),
                config.pollMax(), clock);
        return new ResponseService(defender, tracker, clock);
    }
}
