package io.mderesponse.simulator.hunting;

import io.mderesponse.simulator.odata.DateTimes;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** KQL's comparison operators over row values: {@code ==} is case-sensitive, {@code =~} and {@code has} are not. */
final class KqlComparisons {

    private KqlComparisons() {
    }

    static boolean test(Object rowValue, String operator, Object expected) {
        if (rowValue == null) {
            return operator.equals("!=") || operator.equals("!~");
        }
        if (expected instanceof Instant instant) {
            Optional<Instant> actual = DateTimes.parse(rowValue.toString());
            return actual.isPresent() && ordered(actual.get().compareTo(instant), operator);
        }
        if (expected instanceof Double number) {
            Optional<Double> actual = number(rowValue);
            return actual.isPresent() && ordered(Double.compare(actual.get(), number), operator);
        }
        String actual = rowValue.toString();
        String wanted = expected.toString();
        String lowerActual = actual.toLowerCase(Locale.ROOT);
        String lowerWanted = wanted.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case "=~" -> actual.equalsIgnoreCase(wanted);
            case "!~" -> !actual.equalsIgnoreCase(wanted);
            case "has", "contains" -> lowerActual.contains(lowerWanted);
            case "!has", "!contains" -> !lowerActual.contains(lowerWanted);
            case "startswith" -> lowerActual.startsWith(lowerWanted);
            case "endswith" -> lowerActual.endsWith(lowerWanted);
            default -> ordered(actual.compareTo(wanted), operator);
        };
    }

    private static boolean ordered(int comparison, String operator) {
        return switch (operator) {
            case "==", "=~" -> comparison == 0;
            case "!=", "!~" -> comparison != 0;
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            default -> false;
        };
    }

    private static Optional<Double> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(value.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
