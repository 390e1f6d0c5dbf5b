package io.mderesponse.simulator.odata;

/** The parsed form of an OData {@code $filter} expression. */
public sealed interface FilterExpr {

    /** Both sides hold. */
    record And(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    /** Either side holds. */
    record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    /** The inner expression does not hold. */
    record Not(FilterExpr inner) implements FilterExpr {
    }

    /** {@code property op literal}. */
    record Compare(String property, Operator operator, Literal literal) implements FilterExpr {
    }

    /** {@code startswith(property,'x')}, {@code endswith} or {@code contains}. */
    record Call(String function, String property, Literal literal) implements FilterExpr {
    }

    /** The comparison operators. */
    enum Operator {
        EQ("Equal"), NE("NotEqual"), GT("GreaterThan"), GE("GreaterThanOrEqual"), LT("LessThan"), LE("LessThanOrEqual");

        private final String kind;

        Operator(String kind) {
            this.kind = kind;
        }

        /** The operator's name as OData error messages spell it. */
        public String kind() {
            return kind;
        }

        /** Whether a comparison result (negative, zero, positive) satisfies this operator. */
        public boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /** A literal and its kind; {@code value} is a String, Instant, Long, Boolean or null. */
    record Literal(Kind kind, Object value, String text) {

        /** The literal kinds OData URLs use. */
        public enum Kind { STRING, DATE_TIME, NUMBER, BOOLEAN, GUID, NULL }
    }
}
