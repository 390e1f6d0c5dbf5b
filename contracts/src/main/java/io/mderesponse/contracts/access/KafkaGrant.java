package io.mderesponse.contracts.access;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One ACL of a service's Kafka identity: the operations it may perform on one resource, named exactly (a literal
 * name, never a prefix or {@code *}), for principal {@code User:<service>}.
 */
public record KafkaGrant(ResourceKind kind, String name, Set<Operation> operations) {

    /** Topic, group and transactional id names as Kafka allows them for topics: no wildcard, no separator. */
    private static final Pattern EXACT_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaGrant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (!EXACT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an exact resource name: " + name);
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + name + ": no operation granted");
        }
        operations = Set.copyOf(operations);
    }
}
