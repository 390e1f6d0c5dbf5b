package io.mderesponse.decision.service.reload;

import io.mderesponse.decision.service.rules.ContentHash;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.RuleFileError;
import io.mderesponse.decision.service.rules.RuleFileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reloads the rules file when its content changes, compared by content hash. The path is read afresh each time,
 * through any symlinks, because Kubernetes updates a mounted ConfigMap by swapping a symlink ({@code ..data}),
 * which file watches on the file itself miss. A file that does not parse or type-check is refused and the running
 * rules stay; the same refused file is reported once, not on every check.
 */
public final class RuleFileReloader {

    /** What one check did. */
    public enum Outcome {
        UNCHANGED, ACTIVATED, REJECTED, STILL_REJECTED
    }

    private final Path path;
    private final RuleFileParser parser;
    private final ActiveRules active;
    private final RulesListener listener;
    private final Clock clock;

    public RuleFileReloader(Path path, RuleFileParser parser, ActiveRules active, RulesListener listener,
            Clock clock) {
        this.path = path;
        this.parser = parser;
        this.active = active;
        this.listener = listener;
        this.clock = clock;
    }

    /** Reads and checks the file at {@code path}: its rules, or why not (an unreadable file is an error too). */
    public static ParsedRuleFile read(Path path, RuleFileParser parser) {
        byte[] content;
        try {
            content = Files.readAllBytes(path); // a ConfigMap holds at most 1 MiB; the parser refuses more
        } catch (IOException e) {
            return unreadable(path, e);
        }
        return parser.parse(content);
    }

    /** One check; called every {@code rules.reload-interval}. */
    public synchronized Outcome checkOnce() {
        ParsedRuleFile parsed = read(path, parser);
        ActiveRules.Loaded running = active.current();
        if (parsed.version().equals(running.version())) {
            if (active.clearRejection() != null) {
                listener.rejectionCleared(running);
            }
            return Outcome.UNCHANGED;
        }
        if (!parsed.valid()) {
            ActiveRules.Rejection rejection = new ActiveRules.Rejection(parsed.version(), parsed.errors(),
                    clock.instant());
            if (rejection.sameAs(active.rejection().orElse(null))) {
                return Outcome.STILL_REJECTED;
            }
            active.reject(rejection);
            listener.rejected(rejection, running);
            return Outcome.REJECTED;
        }
        ActiveRules.Loaded loaded = new ActiveRules.Loaded(parsed.ruleSet(), path.toString(), clock.instant());
        ActiveRules.Loaded previous = active.activate(loaded);
        listener.activated(previous, loaded);
        return Outcome.ACTIVATED;
    }

    private static ParsedRuleFile unreadable(Path path, IOException e) {
        // No content, so no hash: a marker version that no file can have.
        String version = "unreadable:" + ContentHash.of(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        return new ParsedRuleFile(version, null, List.of(new RuleFileError(null, 1, 1, "cannot read " + path + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))));
    }
}
