package io.mderesponse.decision.service.rules;

/**
 * How much one rule's {@code when} may ask of the service. A rules file comes from operators and, through
 * {@code POST /rules/validate} and {@code /rules/backtest}, from anyone who may call them: a condition such as a
 * chain of {@code .replace("a", "aaaaaaaaaa")} or three nested {@code .all} over lists must be refused when the
 * file is read, not found out when it has filled the heap. The defaults are {@link #DEFAULTS}; the settings
 * ({@code rules.max-cost}, ...) are in {@code RulesConfig}.
 *
 * @param maxCost the most a condition may cost on one event, in {@link CostEstimator} units (about one per
 *     expression node evaluated, list element touched or character produced, a tenth per character compared),
 *     both as estimated when the file is read and as counted while it runs
 * @param maxExpressionLength the longest condition, in code points
 * @param maxExpressionNodes the most syntax-tree nodes a condition may have, macros expanded
 * @param maxExpressionDepth the deepest nesting the parser accepts
 */
public record RuleLimits(long maxCost, int maxExpressionLength, int maxExpressionNodes, int maxExpressionDepth) {

    /** The same values as the {@code @WithDefault}s of {@code RulesConfig} (a test keeps them equal). */
    public static final RuleLimits DEFAULTS = new RuleLimits(1_000_000, 10_000, 1_000, 32);

    public RuleLimits {
        if (maxCost < 1 || maxExpressionLength < 1 || maxExpressionNodes < 1 || maxExpressionDepth < 1) {
            throw new IllegalArgumentException("Rule limits must be positive: " + maxCost + ", "
                    + maxExpressionLength + ", " + maxExpressionNodes + ", " + maxExpressionDepth);
        }
    }
}
