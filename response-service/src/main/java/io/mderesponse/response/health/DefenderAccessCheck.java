package io.mderesponse.response.health;

import io.mderesponse.response.service.DefenderAccess;
import io.mderesponse.response.service.DefenderAccess.HeldRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while Defender refuses the service's credentials or permissions (401, 403), naming the missing
 * permission; UP otherwise, with the held request (if any) in the data while Defender is throttling or failing.
 */
@Readiness
@ApplicationScoped
public class DefenderAccessCheck implements HealthCheck {

    public static final String NAME = "defender-access";

    private final DefenderAccess access;

    public DefenderAccessCheck(DefenderAccess access) {
        this.access = access;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Optional<HeldRequest> held = access.held();
        if (held.isEmpty()) {
            return response.up().build();
        }
        HeldRequest request = held.get();
        response.withData("heldRequest", request.requestId().toString())
                .withData("machineId", request.machineId())
                .withData("heldSince", request.since().toString())
                .withData("tries", request.tries())
                .withData("reason", request.held().reason());
        if (request.refused()) {
            return response.withData("missingPermission", request.held().missingPermission() != null
                    ? request.held().missingPermission() : "none named: check the credentials").down().build();
        }
        return response.up().build();
    }
}
