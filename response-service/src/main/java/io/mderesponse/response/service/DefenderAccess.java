package io.mderesponse.response.service;

import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether requests are held now, and why: what the readiness check reports. Requests of different machines are
 * processed concurrently, so several may be held at once; a refused authorisation is reported first.
 */
public final class DefenderAccess {

    /** A held request. */
    public record HeldRequest(UUID requestId, String machineId, Held held, Instant since, int tries) {

        /** Whether Defender refused our credentials or permissions: the service cannot do its job. */
        public boolean refused() {
            return held.kind() == HoldKind.AUTHORIZATION;
        }
    }

    private final Map<UUID, HeldRequest> held = new ConcurrentHashMap<>();

    /** A held request, a refused one if any. */
    public Optional<HeldRequest> held() {
        List<HeldRequest> now = List.copyOf(held.values());
        return now.stream().filter(HeldRequest::refused).findFirst().or(() -> now.stream().findFirst());
    }

    void hold(HeldRequest request) {
        held.put(request.requestId(), request);
    }

    void release(UUID requestId) {
        held.remove(requestId);
    }
}
