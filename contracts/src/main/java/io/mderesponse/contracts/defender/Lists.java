package io.mderesponse.contracts.defender;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies of the API's arrays, which may be absent or contain nulls. */
final class Lists {

    private Lists() {
    }

    /** An absent array reads as empty, so rules can test membership without null checks. */
    static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
