package io.mderesponse.decision.service.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/** A rule's {@code when} in CEL, compiled and type-checked; records the fields it names as its inputs. */
public final class CelCondition implements Condition {

    private final String expression;
    private final CelRuntime.Program program;
    private final ReadFields reads;

    CelCondition(String expression, CelRuntime.Program program, ReadFields reads) {
        this.expression = expression;
        this.program = program;
        this.reads = reads;
    }

    @Override
    public Evaluation evaluate(RuleInput input) {
        Object result;
        try {
            result = program.eval(input.variables());
        } catch (CelEvaluationException e) {
            throw new ConditionException(e.getMessage(), e);
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
