package io.mderesponse.simulator.faults;

import io.mderesponse.simulator.ratelimit.ApiFamily;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The faults in force, each with how many more calls it affects; the first matching fault wins. */
@ApplicationScoped
public class FaultRegistry {

    /** A fault with its remaining count (null: until removed). */
    public record Active(Fault fault, Integer remaining) {
    }

    private final List<Active> faults = new ArrayList<>();

    public synchronized Active add(FaultSpec spec) {
        if (spec.count() != null && spec.count() <= 0) {
            throw new IllegalArgumentException("count must be positive when given");
        }
        Active active = new Active(Fault.from(UUID.randomUUID().toString(), spec), spec.count());
        faults.add(active);
        return active;
    }

    /** The fault that applies to this call, using up one of its count. */
    public synchronized Optional<Fault> take(ApiFamily family, String path) {
        for (int i = 0; i < faults.size(); i++) {
            Active active = faults.get(i);
            if (active.fault().matches(family, path)) {
                if (active.remaining() == null) {
                    return Optional.of(active.fault());
                }
                if (active.remaining() <= 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, new Active(active.fault(), active.remaining() - 1));
                }
                return Optional.of(active.fault());
            }
        }
        return Optional.empty();
    }

    public synchronized List<Active> list() {
        return List.copyOf(faults);
    }

    public synchronized boolean remove(String id) {
        for (Iterator<Active> it = faults.iterator(); it.hasNext();) {
            if (it.next().fault().id().equals(id)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    public synchronized void clear() {
        faults.clear();
    }
}
