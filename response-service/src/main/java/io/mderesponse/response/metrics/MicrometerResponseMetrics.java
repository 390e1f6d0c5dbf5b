package io.mderesponse.response.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.response.service.ResponseMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts completed requests by type and final status: {@code response_actions_completed_total{type="Isolate",
 * status="Succeeded"}} on {@code /q/metrics}.
 */
@ApplicationScoped
public class MicrometerResponseMetrics implements ResponseMetrics {

    public static final String COMPLETED = "response.actions.completed";

    private final MeterRegistry registry;

    public MicrometerResponseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(MachineActionType type, FinalStatus status) {
        Counter.builder(COMPLETED)
                .description("Machine action requests that reached a final status, by type and status")
                .tag("type", type.name())
                .tag("status", status.name())
                .register(registry)
                .increment();
    }
}
