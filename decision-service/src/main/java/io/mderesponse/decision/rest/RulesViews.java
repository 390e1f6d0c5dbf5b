package io.mderesponse.decision.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mderesponse.decision.service.reload.ActiveRules;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.Rule;
import io.mderesponse.decision.service.rules.RuleFileError;
import java.time.Instant;
import java.util.List;

/** The JSON answers of {@code /rules}, kept apart from the rule model. */
public final class RulesViews {

    private RulesViews() {
    }

    /**
     * The rules deciding now ({@code GET /rules}).
     *
     * @param source {@code bundled} or the file's path
     * @param rejected the file at {@code rules.path} that was refused, while it is still there; else null
     */
    public record ActiveView(String version, String source, Instant activatedAt, List<RuleView> rules,
            RejectionView rejected) {

        static ActiveView of(ActiveRules.Loaded loaded, ActiveRules.Rejection rejection) {
            return new ActiveView(loaded.version(), loaded.source(), loaded.activatedAt(),
                    loaded.ruleSet().rules().stream().map(RuleView::of).toList(),
                    rejection == null ? null : new RejectionView(rejection.version(), rejection.at(),
                            rejection.errors().stream().map(ErrorView::of).toList()));
        }
    }

    /**
     * One rule, as the file says it ({@code notify} in JSON, like in the file); {@code actions} names its machine
     * actions in the order they are carried out, then {@code notify}.
     */
    public record RuleView(String id, String when, List<String> actions, String isolation,
            @JsonProperty("notify") List<String> recipients, boolean dryRun) {

        static RuleView of(Rule rule) {
            return new RuleView(rule.id(), rule.when().expression(),
                    rule.actionNames(),
                    rule.isolation() == null ? null : rule.isolation().name(), rule.recipients(), rule.dryRun());
        }
    }

    /** A refused file: its content hash, when it was refused and why. */
    public record RejectionView(String version, Instant at, List<ErrorView> errors) {
    }

    /** A problem in a file, at a 1-based line and column; {@code ruleId} is null outside a rule. */
    public record ErrorView(String ruleId, int line, int column, String message) {

        static ErrorView of(RuleFileError error) {
            return new ErrorView(error.ruleId(), error.line(), error.column(), error.message());
        }
    }

    /**
     * A candidate file checked ({@code POST /rules/validate}).
     *
     * @param version the candidate's content hash (what {@code GET /rules} will show once it is active)
     * @param rules the ids of its rules in order, when valid
     */
    public record ValidationView(boolean valid, String version, List<String> rules, List<ErrorView> errors) {

        static ValidationView of(ParsedRuleFile parsed) {
            return new ValidationView(parsed.valid(), parsed.version(),
                    parsed.valid() ? parsed.ruleSet().rules().stream().map(Rule::id).toList() : List.of(),
                    parsed.errors().stream().map(ErrorView::of).toList());
        }
    }

    /** Why a request was refused, e.g. a back-test already running. */
    public record ProblemView(String message) {
    }
}
