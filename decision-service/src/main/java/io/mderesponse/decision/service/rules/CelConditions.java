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

/**
 * The CEL environment of rule conditions: the variables of {@link RuleVariables}, the standard functions and
 * macros ({@code has}, {@code exists}, {@code all}, {@code filter}, {@code map}, ...), the string extensions
 * ({@code lowerAscii}, {@code split}, ...), and a {@code bool} result. Thread-safe; build one and share it.
 */
public final class CelConditions {

    /** Bounds the work one condition can do on one event (an operator's typo must not hang the consumer). */
    private static final int MAX_COMPREHENSION_ITERATIONS = 10_000;
    private static final int MAX_EXPRESSION_LENGTH = 10_000;

    private final Cel cel;

    public CelConditions() {
        CelOptions options = CelOptions.current()
                .evaluateCanonicalTypesToNativeValues(true)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
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

    /** Parses and type-checks {@code expression}: a condition, or the issues with their places in it. */
    public Compiled compile(String expression) {
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
            return new Compiled(new CelCondition(expression, cel.createProgram(ast), ReadFields.of(ast)), List.of());
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
