package io.mderesponse.decision.service.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;

/**
 * The runtime limit of one evaluation of one condition: CEL calls it after each node it evaluates, and it counts
 * 1 per node plus the characters or elements of each value a function, list or map produced (the same units as
 * {@link CostEstimator}, less the reading). Past {@code maxCost} it stops the evaluation.
 *
 * <p>It stops it with an {@link Error}, not an exception, on purpose: CEL absorbs an exception of one side of
 * {@code ||} and {@code &&} when the other side decides, and {@code all}/{@code exists} keep looping over an
 * error, so an exception would let the evaluation run on. An {@link Exceeded} goes straight out of the
 * interpreter, which holds no state to clean up, and {@link CelCondition} turns it into an evaluation error.
 * One instance per evaluation: not thread-safe.
 */
final class EvaluationBudget implements CelEvaluationListener {

    private final long maxCost;
    private long spent;

    EvaluationBudget(long maxCost) {
        this.maxCost = maxCost;
    }

    @Override
    public void callback(CelExpr expr, Object value) {
        spent++;
        CelExpr.ExprKind.Kind kind = expr.getKind();
        if (kind == CelExpr.ExprKind.Kind.CALL || kind == CelExpr.ExprKind.Kind.LIST
                || kind == CelExpr.ExprKind.Kind.MAP || kind == CelExpr.ExprKind.Kind.STRUCT) {
            spent += size(value);
        }
        if (spent > maxCost) {
            throw new Exceeded(maxCost);
        }
    }

    long spent() {
        return spent;
    }

    private static long size(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value instanceof CelByteString bytes) {
            return bytes.size();
        }
        if (value instanceof com.google.protobuf.ByteString bytes) {
            return bytes.size();
        }
        return 0;
    }

    /** The evaluation went past its budget; see the class comment for why this is an {@link Error}. */
    static final class Exceeded extends Error {

        private static final long serialVersionUID = 1L;

        Exceeded(long maxCost) {
            super("the condition was stopped: it cost more than " + maxCost + " (rules.max-cost)", null, false,
                    false);
        }
    }
}
