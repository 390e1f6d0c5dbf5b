package io.mderesponse.service.security;

/**
 * The roles an operator's bearer token carries (Entra ID app roles in the {@code roles} claim, or groups), and
 * what each opens.
 */
public final class OperatorRoles {

    /** Dead letters ({@code /dlq}), rules ({@code /rules}), and reading the held decisions. */
    public static final String OPERATOR = "soc-operator";

    /** Approving and denying held decisions, and releasing machines. */
    public static final String APPROVER = "soc-approver";

    /**
     * Given only by {@link LocalOperatorAccess} to an anonymous caller while {@code operator.auth=none}: opens the
     * endpoints that may run without a person ({@code /dlq}, {@code /rules}), never approvals or releases. A token
     * that claims it has it removed.
     */
    public static final String UNAUTHENTICATED_LOCAL = "mde-response-operator-auth-none";

    private OperatorRoles() {
    }
}
