package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** No answer: connection refused, reset or timed out, after the retries allowed for the call were used up. */
public class DefenderUnavailableException extends DefenderApiException {

    public DefenderUnavailableException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, "no answer: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ErrorDetails.clean(root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
