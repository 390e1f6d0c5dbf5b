package io.mderesponse.decision.service.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CEL environment of rule conditions: the variables of {@link RuleVariables}, the standard functions and
 * macros ({@code has}, {@code exists}, {@code all}, {@code filter}, {@code map}, ...), the string extensions
 * ({@code lowerAscii}, {@code split}, ...), and a {@code bool} result. Thread-safe; build one and share it.
 */
public final class CelConditions {

    /**
     * One loop of a comprehension stops with an error past this many iterations (nested loops are held by the
     * cost estimate and budget; this is CEL's own guard against a loop the estimate did not see).
     */
    private static final int MAX_COMPREHENSION_ITERATIONS = 10_000;

    private final Cel cel;
    private final RuleLimits limits;

    /** With {@link RuleLimits#DEFAULTS}. */
    public CelConditions() {
        this(RuleLimits.DEFAULTS);
    }

    public CelConditions(RuleLimits limits) {
        this.limits = limits;
        // Length, node count and nesting are refused by the parser, with the place where the limit was reached.
        CelOptions options = CelOptions.current()
                .evaluateCanonicalTypesToNativeValues(true)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .maxParseExpressionNodeCount(limits.maxExpressionNodes())
                .maxParseRecursionDepth(limits.maxExpressionDepth())
                .build();
        cel = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings())
                .addRuntimeLibraries(CelExtensions.strings())
                .setTypeProvider(RuleVariables.TYPE_PROVIDER)
                .addVar(RuleVariables.ALERT, RuleVariables.ALERT_TYPE)
                .addVar(RuleVariables.MACHINE, RuleVariables.MACHINE_TYPE)
                .addVar(RuleVariables.ROW, RuleVariables.ROW_TYPE)
                .setResultType(SimpleType.BOOL)
                .build();
    }

    /**
     * Parses and type-checks {@code expression} and estimates its cost: a condition, or the issues with their
     * places in it.
     */
    public Compiled compile(String expression) {
        // A too long condition is CEL's to report (before it parses anything); a long list within the length is
        // counted here first.
        if (expression.codePointCount(0, expression.length()) <= limits.maxExpressionLength()) {
            Optional<Issue> tooLarge = TermCount.beyond(expression, limits.maxExpressionNodes());
            if (tooLarge.isPresent()) {
                return new Compiled(null, List.of(tooLarge.get()));
            }
        }
        CelValidationResult result = cel.compile(expression);
        if (result.hasError()) {
            List<Issue> issues = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                issues.add(new Issue(issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn(),
                        issue.getMessage()));
            }
            return new Compiled(null, issues);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            double cost = CostEstimator.estimate(ast, MAX_COMPREHENSION_ITERATIONS);
            if (cost > limits.maxCost()) {
                return new Compiled(null, List.of(new Issue(1, 0, String.format(Locale.ROOT,
                        "the condition may cost up to %.0f on one event, more than the %d allowed (rules.max-cost); "
                                + "a long chain of replace or +, nested all/exists/map/filter, a huge list or a "
                                + "pattern of nested repetitions makes a condition costly", Math.ceil(cost),
                        limits.maxCost()))));
            }
            return new Compiled(new CelCondition(expression, cel.createProgram(ast), ReadFields.of(ast),
                    limits.maxCost()), List.of());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compiled(null, List.of(new Issue(0, 0, e.getMessage())));
        }
    }

    /** A compiled condition, or why there is none. */
    public record Compiled(CelCondition condition, List<Issue> issues) {

        public Compiled {
            issues = List.copyOf(issues);
        }

        public boolean ok() {
            return condition != null;
        }
    }

    /**
     * A problem in an expression.
     *
     * @param line 1-based line within the expression; 0 when CEL gives no place
     * @param column 0-based column (code points) within that line
     */
    public record Issue(int line, int column, String message) {
    }
}
