package io.mderesponse.decision.service.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A rule's {@code when} in CEL, compiled and type-checked; records the fields it names as its inputs. Each
 * evaluation runs within a budget ({@code rules.max-cost}): one that goes past it fails like any other evaluation
 * error.
 */
public final class CelCondition implements Condition {

    private final String expression;
    private final CelRuntime.Program program;
    private final ReadFields reads;
    private final long maxCost;

    CelCondition(String expression, CelRuntime.Program program, ReadFields reads, long maxCost) {
        this.expression = expression;
        this.program = program;
        this.reads = reads;
        this.maxCost = maxCost;
    }

    @Override
    public Evaluation evaluate(RuleInput input) {
        Object result;
        try {
            result = program.trace(input.variables(), new EvaluationBudget(maxCost));
        } catch (CelEvaluationException e) {
            throw new ConditionException(e.getMessage(), e);
        } catch (EvaluationBudget.Exceeded e) {
            // An Error on purpose (see EvaluationBudget); it ends here as the condition's failure on this event.
            throw new ConditionException(e.getMessage(), null);
        }
        if (!(result instanceof Boolean)) {
            // e.g. an unknown value; the checker makes this all but impossible, but never guess.
            throw new ConditionException("the condition yielded " + result + " instead of true or false", null);
        }
        return new Evaluation((Boolean) result, reads.valuesIn(input.variables()));
    }

    @Override
    public String expression() {
        return expression;
    }

    /** The field paths the condition names, e.g. {@code alert.severity}, {@code machine.machineTags}. */
    public java.util.List<String> fieldPaths() {
        return reads.paths();
    }
}
