package io.mderesponse.response.service;

import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Whether a request is held now, and why: what the readiness check reports. */
public final class DefenderAccess {

    /** A held request. */
    public record HeldRequest(UUID requestId, String machineId, Held held, Instant since, int tries) {

        /** Whether Defender refused our credentials or permissions: the service cannot do its job. */
        public boolean refused() {
            return held.kind() == HoldKind.AUTHORIZATION;
        }
    }

    private final AtomicReference<HeldRequest> current = new AtomicReference<>();

    public Optional<HeldRequest> held() {
        return Optional.ofNullable(current.get());
    }

    void hold(HeldRequest request) {
        current.set(request);
    }

    void release() {
        current.set(null);
    }
}
