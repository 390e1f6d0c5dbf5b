package io.mderesponse.service.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Checks the operator access settings at start and shows them in the readiness data: an identity provider without
 * {@code operator.auth.audience} stops the start (a token for any API of the tenant would otherwise be accepted);
 * {@code operator.auth=none} is warned about in the log and in every readiness answer.
 */
@Readiness
@ApplicationScoped
public class OperatorAuthCheck implements HealthCheck {

    static final String NAME = "operator-auth";
    static final String OPEN_WARNING = "operator.auth=none: /dlq and /rules answer anyone who reaches the port; "
            + "for a local run only";

    private static final Logger LOG = Logger.getLogger(OperatorAuthCheck.class);

    private final OperatorAuthConfig config;
    private final boolean identityProvider;

    public OperatorAuthCheck(OperatorAuthConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean identityProvider) {
        this.config = config;
        this.identityProvider = identityProvider;
    }

    void onStart(@Observes StartupEvent start) {
        requireAudience();
        if (config.mode() == OperatorAuthConfig.Mode.NONE) {
            LOG.warnf("%s; approvals and releases still need a token with role %s", OPEN_WARNING,
                    OperatorRoles.APPROVER);
        } else if (!identityProvider) {
            LOG.infof("No identity provider configured (quarkus.oidc.tenant-enabled=false): every operator endpoint "
                    + "answers 401 until QUARKUS_OIDC_TENANT_ENABLED, QUARKUS_OIDC_AUTH_SERVER_URL and "
                    + "OPERATOR_AUTH_AUDIENCE are set");
        }
    }

    /** Fails the start, naming the property, when tokens would be accepted for any audience. */
    void requireAudience() {
        if (identityProvider && config.audience().filter(audience -> !audience.isBlank()).isEmpty()) {
            throw new IllegalStateException("operator.auth.audience (OPERATOR_AUTH_AUDIENCE) must be set when an "
                    + "identity provider is configured (quarkus.oidc.tenant-enabled=true): it is the audience of "
                    + "the operators' tokens, shared by every operator API");
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).up()
                .withData("mode", config.mode().name().toLowerCase())
                .withData("identityProvider", identityProvider);
        if (config.mode() == OperatorAuthConfig.Mode.NONE) {
            response.withData("warning", OPEN_WARNING);
        }
        return response.build();
    }
}
