package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 403: the app registration lacks the permission the call needs, named by {@link #requiredPermission()}. */
public class DefenderForbiddenException extends DefenderApiException {

    public DefenderForbiddenException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, "the app registration probably lacks the application permission "
                + operation.requiredPermission() + " of " + operation.permissionApi() + ", with admin consent", cause);
    }

    /** The application permission the call needs, e.g. {@code Machine.Isolate}. */
    public String requiredPermission() {
        return operation().requiredPermission();
    }
}
