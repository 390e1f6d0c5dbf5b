package io.mderesponse.response.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.response.service.ResponseMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the response service counts on {@code /q/metrics}: completed requests by Defender type and final status
 * ({@code response_actions_completed_total{type="RunAntiVirusScan",status="Succeeded"}}), requests Rejected for a
 * missing permission ({@code response_permission_missing_total{kind,permission}}), and requests started out of
 * their plan's order after {@code response.order-wait} ({@code response_order_wait_expired_total{kind}}).
 */
@ApplicationScoped
public class MicrometerResponseMetrics implements ResponseMetrics {

    public static final String COMPLETED = "response.actions.completed";
    public static final String PERMISSION_MISSING = "response.permission.missing";
    public static final String ORDER_WAIT_EXPIRED = "response.order.wait.expired";

    private final MeterRegistry registry;

    public MicrometerResponseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(String type, FinalStatus status) {
        Counter.builder(COMPLETED)
                .description("Machine action requests that reached a final status, by Defender type and status")
                .tag("type", type)
                .tag("status", status.name())
                .register(registry)
                .increment();
    }

    @Override
    public void permissionMissing(MachineActionKind kind) {
        Counter.builder(PERMISSION_MISSING)
                .description("Requests Rejected because Defender refused the kind's application permission (403)")
                .tag("kind", kind.wireName())
                .tag("permission", kind.permission())
                .register(registry)
                .increment();
    }

    @Override
    public void orderWaitExpired(MachineActionKind kind) {
        Counter.builder(ORDER_WAIT_EXPIRED)
                .description("Requests started although an action before them in their plan had not begun within "
                        + "response.order-wait")
                .tag("kind", kind.wireName())
                .register(registry)
                .increment();
    }
}
