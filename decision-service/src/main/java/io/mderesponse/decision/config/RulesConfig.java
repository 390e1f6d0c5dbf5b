package io.mderesponse.decision.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where the operators' rules come from. */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {

    /**
     * A YAML rules file. Unset: the bundled rule "severity High → isolate Full and notify". Rule files are not
     * read yet (issue "decision-service rules"); a set value stops the service at start rather than being ignored.
     */
    Optional<Path> path();
}
