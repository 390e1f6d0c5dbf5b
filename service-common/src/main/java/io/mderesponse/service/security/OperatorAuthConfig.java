package io.mderesponse.service.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Optional;

/** How operators authenticate to the service's operator endpoints. */
@ConfigMapping(prefix = "operator.auth")
public interface OperatorAuthConfig {

    /**
     * {@code oidc} (default): bearer tokens from the identity provider configured through {@code quarkus.oidc.*};
     * without one every operator call answers 401. {@code none}: {@code /dlq} and {@code /rules} open to anyone who
     * reaches the port, for a local run only; approvals and releases still need a person's token.
     */
    @WithParentName
    @WithDefault("oidc")
    Mode mode();

    /**
     * The audience every operator API shares ({@code aud} of the token), so one token of a person serves every
     * service; required once an identity provider is configured.
     */
    Optional<String> audience();

    enum Mode {
        OIDC, NONE
    }
}
