package io.mderesponse.simulator.odata;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.odata.FilterExpr.Literal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Type-checks a filter against an entity's properties and turns it into a predicate. Type errors are found before
 * any entity is looked at, so a bad filter fails even when there is nothing to filter, as on the real API.
 */
public final class FilterCompiler {

    private static final String INVALID = "The query specified in the URI is not valid. ";

    private FilterCompiler() {
    }

    public static <T> Predicate<T> compile(FilterExpr expr, EntityFields<T> fields) {
        if (expr instanceof FilterExpr.And and) {
            return compile(and.left(), fields).and(compile(and.right(), fields));
        }
        if (expr instanceof FilterExpr.Or or) {
            return compile(or.left(), fields).or(compile(or.right(), fields));
        }
        if (expr instanceof FilterExpr.Not not) {
            return compile(not.inner(), fields).negate();
        }
        if (expr instanceof FilterExpr.Call call) {
            return function(call, fields.require(call.property()));
        }
        return comparison((FilterExpr.Compare) expr, fields.require(((FilterExpr.Compare) expr).property()));
    }

    private static <T> Predicate<T> comparison(FilterExpr.Compare compare, Field<T> field) {
        FilterExpr.Operator op = compare.operator();
        Literal literal = compare.literal();
        if (literal.kind() == Literal.Kind.NULL) {
            return entity -> {
                Object value = field.getter().apply(entity);
                return op == FilterExpr.Operator.EQ ? value == null : op == FilterExpr.Operator.NE && value != null;
            };
        }
        Comparator<Object> order = comparatorFor(field, literal, op);
        Object expected = literal.value();
        return entity -> {
            Object value = field.getter().apply(entity);
            if (value == null) {
                // null equals nothing but null, and is neither greater nor smaller than a value.
                return op == FilterExpr.Operator.NE;
            }
            return op.test(order.compare(value, expected));
        };
    }

    private static <T> Comparator<Object> comparatorFor(Field<T> field, Literal literal, FilterExpr.Operator op) {
        switch (field.type()) {
            case DATE_TIME:
                requireKind(field, literal, op, Literal.Kind.DATE_TIME);
                return Comparator.comparing(o -> (Instant) o);
            case INT64:
                requireKind(field, literal, op, Literal.Kind.NUMBER);
                return Comparator.comparing(o -> ((Number) o).longValue());
            case ENUM:
                requireKind(field, literal, op, Literal.Kind.STRING);
                if (field.rank((String) literal.value()) < 0) {
                    throw ApiException.badRequest(ErrorCodes.ODATA_ERROR, INVALID + "The string '" + literal.text()
                            + "' is not a valid enumeration type constant.");
                }
                return Comparator.comparingInt(o -> field.rank(o.toString()));
            default:
                if (literal.kind() != Literal.Kind.GUID) {
                    requireKind(field, literal, op, Literal.Kind.STRING);
                }
                return (a, b) -> a.toString().compareToIgnoreCase(b.toString());
        }
    }

    private static <T> Predicate<T> function(FilterExpr.Call call, Field<T> field) {
        if (field.type() != FieldType.STRING && field.type() != FieldType.ENUM
                || call.literal().kind() != Literal.Kind.STRING) {
            throw ApiException.badRequest(ErrorCodes.ODATA_ERROR, INVALID
                    + "No function signature for the function with name '" + call.function()
                    + "' matches the specified arguments.");
        }
        String needle = ((String) call.literal().value()).toLowerCase(Locale.ROOT);
        return entity -> {
            Object value = field.getter().apply(entity);
            if (value == null) {
                return false;
            }
            String text = value.toString().toLowerCase(Locale.ROOT);
            return switch (call.function()) {
                case "startswith" -> text.startsWith(needle);
                case "endswith" -> text.endsWith(needle);
                default -> text.contains(needle);
            };
        };
    }

    private static void requireKind(Field<?> field, Literal literal, FilterExpr.Operator op, Literal.Kind kind) {
        if (literal.kind() != kind) {
            throw ApiException.badRequest(ErrorCodes.ODATA_ERROR, INVALID
                    + "A binary operator with incompatible types was detected. Found operand types '"
                    + field.type().edmName() + "' and '" + edmName(literal) + "' for operator kind '" + op.kind()
                    + "'.");
        }
    }

    private static String edmName(Literal literal) {
        return switch (literal.kind()) {
            case STRING -> "Edm.String";
            case DATE_TIME -> "Edm.DateTimeOffset";
            case NUMBER -> "Edm.Int32";
            case BOOLEAN -> "Edm.Boolean";
            case GUID -> "Edm.Guid";
            case NULL -> "null";
        };
    }
}
