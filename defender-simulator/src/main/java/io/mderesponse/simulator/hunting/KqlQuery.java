package io.mderesponse.simulator.hunting;

import java.util.List;

/** The parsed form of the small KQL subset the simulator runs: a table, then where, limit/take and project. */
public record KqlQuery(String table, List<Stage> stages) {

    /** One {@code | operator} of the pipeline. */
    public sealed interface Stage {
    }

    /** {@code | where c1 and c2 ...}. */
    public record Where(List<Condition> conditions) implements Stage {
    }

    /** {@code | limit N} or {@code | take N}. */
    public record Limit(int count) implements Stage {
    }

    /** {@code | project A, B}. */
    public record Project(List<String> columns) implements Stage {
    }

    /** {@code Column op value}; value is a String, Double, Boolean or Instant. */
    public record Condition(String column, String operator, Object value) {

        /** Whether a row's value satisfies the condition. */
        public boolean test(Object rowValue) {
            return KqlComparisons.test(rowValue, operator, value);
        }
    }
}
