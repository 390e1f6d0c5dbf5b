package io.mderesponse.simulator.faults;

import io.mderesponse.simulator.gate.GateResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/** Carries out a fault on a call with Vert.x timers, so delays and hangs hold no thread. */
@ApplicationScoped
public class FaultApplier {

    private final GateResponses responses;

    public FaultApplier(GateResponses responses) {
        this.responses = responses;
    }

    /** Applies the fault; {@code proceed} hands the call on to its resource when the fault lets it through. */
    public void apply(RoutingContext rc, Fault fault, Runnable proceed) {
        switch (fault.kind()) {
            case LATENCY -> later(rc, fault.delay(), proceed);
            case HANG -> later(rc, fault.delay(), () -> rc.request().connection().close());
            case RATE_LIMIT, CPU_QUOTA -> later(rc, fault.delay(), () -> responses.error(rc, fault.status(),
                    fault.errorCode(), fault.message(),
                    Map.of(HttpHeaders.RETRY_AFTER.toString(), String.valueOf(fault.retryAfterSeconds()))));
            default -> later(rc, fault.delay(),
                    () -> responses.error(rc, fault.status(), fault.errorCode(), fault.message(), Map.of()));
        }
    }

    private static void later(RoutingContext rc, Duration delay, Runnable action) {
        if (delay.isZero()) {
            action.run();
        } else {
            rc.vertx().setTimer(Math.max(1, delay.toMillis()), id -> action.run());
        }
    }
}
