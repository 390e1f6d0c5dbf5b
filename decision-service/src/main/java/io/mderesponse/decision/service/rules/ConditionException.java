package io.mderesponse.decision.service.rules;

/** A condition could not be evaluated on an input, e.g. a CEL runtime error such as a missing map key. */
public class ConditionException extends RuntimeException {

    public ConditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
