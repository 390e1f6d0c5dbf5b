package io.mderesponse.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the response service follows machine actions. */
@ConfigMapping(prefix = "response")
public interface ResponseConfig {

    /**
     * How long to follow a machine action that is still Pending or InProgress before reporting it as
     * {@code TimeOut}. Defender itself may take minutes when a device is slow to check in.
     */
    @WithDefault("15m")
    Duration actionTimeout();

    /** The first wait between two reads of a pending action; it doubles up to {@link #pollMax()}. */
    @WithDefault("1s")
    Duration pollInitial();

    /** The longest wait between two reads of a pending action. */
    @WithDefault("15s")
    Duration pollMax();
}
