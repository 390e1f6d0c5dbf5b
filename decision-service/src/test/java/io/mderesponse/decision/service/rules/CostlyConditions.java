package io.mderesponse.decision.service.rules;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Conditions that would take the service down if they ran, and a rules file to carry one: shared by the tests of
 * the rule limits at the parser and over HTTP.
 */
public final class CostlyConditions {

    /** Each replace makes the title ten times longer: seven of them turn 4 KiB into 40 GiB. */
    public static final String REPLACE_CHAIN = "alert.title" + ".replace(\"a\", \"aaaaaaaaaa\")".repeat(7)
            + ".size() > 0";

    /** Four nested loops over 20 numbers: 160,000 iterations building 8,000 lists. */
    public static final String NESTED_LOOPS = "%1$s.map(a, %1$s.map(b, %1$s.map(c, %1$s.map(d, a + b + c + d))))"
            .formatted(list(20, true)) + ".size() > 0";

    /** A list of 2,000 elements: within the length limit, twice the node limit. */
    public static final String HUGE_LIST = "alert.title.size() in " + list(2_000, false);

    /** The line and 1-based column where {@link #rulesFile}'s condition starts. */
    public static final int WHEN_LINE = 5;
    public static final int WHEN_COLUMN = 7;

    private CostlyConditions() {
    }

    /** A rules file with one rule {@code id} whose {@code when} is {@code condition}, at {@link #WHEN_LINE}. */
    public static byte[] rulesFile(String id, String condition) {
        return ("""
                rules:
                  - id: %s
                    actions: [notify]
                    when: |
                      %s
                """.formatted(id, condition)).getBytes(StandardCharsets.UTF_8);
    }

    private static String list(int size, boolean counting) {
        return IntStream.range(0, size).mapToObj(i -> counting ? Integer.toString(i) : "0")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
