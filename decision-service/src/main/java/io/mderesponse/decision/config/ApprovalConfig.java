package io.mderesponse.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Held decisions: how long they wait for a person before they expire. */
@ConfigMapping(prefix = "approval")
public interface ApprovalConfig {

    /** A held decision neither approved nor denied within this long is settled as {@code EXPIRED}. */
    @WithDefault("4h")
    Duration ttl();

    /**
     * How long a settled held decision (approved, denied or expired) is kept after its approval deadline, so its
     * outcome can still be shown and an approval for it is refused as settled; then it is removed.
     */
    @WithDefault("7d")
    Duration settledRetention();
}
