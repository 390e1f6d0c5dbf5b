package io.mderesponse.defender.client.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this service calls Microsoft Graph (hunting-scheduler with {@code hunting.api=graph} says so at start), so
 * the {@code defender-token} readiness check also holds a Graph token; services that never call Graph never ask for
 * one.
 */
@ApplicationScoped
public class GraphUse {

    private final AtomicBoolean declared = new AtomicBoolean();

    /** This service calls Graph: readiness needs a Graph token from now on. */
    public void declare() {
        declared.set(true);
    }

    public boolean declared() {
        return declared.get();
    }
}
