package io.mderesponse.decision.service.guard;

import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;

/**
 * The operators' identity provider for the approval and release tests: {@code alice} with role
 * {@code soc-approver}, or {@code bob} without an operator role.
 */
public class MockOidcResource extends OperatorIdentityProvider {

    /** A bearer token: with role {@code soc-approver} ({@code alice}) or without ({@code bob}). */
    public static String token(boolean approver) {
        return token(approver ? Person.APPROVER : Person.VIEWER);
    }
}
