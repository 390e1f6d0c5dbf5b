package io.mderesponse.service.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives an anonymous caller {@link OperatorRoles#UNAUTHENTICATED_LOCAL} while {@code operator.auth=none}, and takes
 * that role away from every token that claims it, so only the explicit local setting can ever open an endpoint
 * without a person.
 */
@ApplicationScoped
public class LocalOperatorAccess implements SecurityIdentityAugmentor {

    private final boolean open;

    public LocalOperatorAccess(OperatorAuthConfig config) {
        this.open = config.mode() == OperatorAuthConfig.Mode.NONE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(open ? localOperator(identity) : identity);
        }
        if (identity.getRoles().contains(OperatorRoles.UNAUTHENTICATED_LOCAL)) {
            return Uni.createFrom().item(withoutLocalRole(identity));
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * Still anonymous, so that an endpoint which needs a person answers 401 (authenticate), not 403; only the
     * role opens the endpoints that need none.
     */
    private static SecurityIdentity localOperator(SecurityIdentity anonymous) {
        return QuarkusSecurityIdentity.builder(anonymous)
                .addRole(OperatorRoles.UNAUTHENTICATED_LOCAL)
                .build();
    }

    private static SecurityIdentity withoutLocalRole(SecurityIdentity identity) {
        Set<String> roles = identity.getRoles().stream()
                .filter(role -> !OperatorRoles.UNAUTHENTICATED_LOCAL.equals(role))
                .collect(Collectors.toSet());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(roles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .build();
    }
}
