package io.mderesponse.decision.service.reload;

import io.mderesponse.decision.service.rules.RuleFileError;
import io.mderesponse.decision.service.rules.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The rules that decide now, swapped whole (never half a file), and the last file that was refused, if the file
 * on disk is still that one. Thread-safe.
 */
public final class ActiveRules implements Supplier<RuleSet> {

    private final AtomicReference<Loaded> active;
    private final AtomicReference<Rejection> rejection = new AtomicReference<>();

    public ActiveRules(Loaded initial) {
        this.active = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** The rule set that decides the next event. */
    @Override
    public RuleSet get() {
        return active.get().ruleSet();
    }

    public Loaded current() {
        return active.get();
    }

    /** The file that was refused, while it is still the one at {@code rules.path}. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection.get());
    }

    Loaded activate(Loaded loaded) {
        rejection.set(null);
        return active.getAndSet(loaded);
    }

    void reject(Rejection refused) {
        rejection.set(refused);
    }

    Rejection clearRejection() {
        return rejection.getAndSet(null);
    }

    /**
     * A rule set in force.
     *
     * @param source {@code bundled}, or the path it was read from
     */
    public record Loaded(RuleSet ruleSet, String source, Instant activatedAt) {

        public Loaded {
            Objects.requireNonNull(ruleSet, "ruleSet");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(activatedAt, "activatedAt");
        }

        public String version() {
            return ruleSet.version();
        }
    }

    /**
     * A file that was refused.
     *
     * @param version its content hash; null when it could not be read at all
     */
    public record Rejection(String version, List<RuleFileError> errors, Instant at) {

        public Rejection {
            errors = List.copyOf(errors);
        }

        /** Same file (or same read failure) as {@code other}: not reported again. */
        boolean sameAs(Rejection other) {
            return other != null && Objects.equals(version, other.version) && errors.equals(other.errors);
        }
    }
}
