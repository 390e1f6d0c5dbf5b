package io.mderesponse.decision.service.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The rules file that applies when {@code rules.path} is unset, {@code rules/bundled-rules.yaml}: the classic
 * "severity High → isolate Full and notify". It is read by the same parser as an operator's file.
 */
public final class BundledRules {

    public static final String RESOURCE = "rules/bundled-rules.yaml";
    public static final String ISOLATE_HIGH_ID = "isolate-high";
    /** The bundled file's content hash, like an operator file's version. */
    public static final String VERSION = ContentHash.of(content());

    private BundledRules() {
    }

    /** The bundled rules, compiled once. */
    public static RuleSet ruleSet() {
        return Holder.RULES;
    }

    /** The bundled file, checked by {@code parser}; it is always valid (a test makes sure). */
    public static ParsedRuleFile parse(RuleFileParser parser) {
        return parser.parse(content());
    }

    public static byte[] content() {
        try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {

        static final RuleSet RULES = valid(parse(new RuleFileParser(new CelConditions())));

        private static RuleSet valid(ParsedRuleFile parsed) {
            if (!parsed.valid()) {
                throw new IllegalStateException("The bundled rules are invalid: " + parsed.describeErrors());
            }
            return parsed.ruleSet();
        }
    }
}
