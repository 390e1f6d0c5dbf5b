package io.mderesponse.simulator.token;

import java.time.Instant;
import java.util.List;

/** What an access token says: the API it is for, tenant, application, granted permissions and validity. */
public record AccessToken(Audience audience, String tenantId, String appId, List<String> roles, Instant issuedAt,
        Instant expiresAt) {

    public AccessToken {
        roles = List.copyOf(roles);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
