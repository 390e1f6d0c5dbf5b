package io.mderesponse.decision.service.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.NullValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a condition reads, found in its checked syntax tree: each longest chain of field selections (and
 * constant map keys) from {@code alert}, {@code machine} or {@code row}, e.g. {@code alert.severity},
 * {@code machine.machineTags}, {@code row.row.DeviceName}. Inside {@code exists}/{@code all}/... the list itself
 * is the input ({@code alert.evidence}). Presence tests ({@code has(...)}) read no value and are left out.
 */
final class ReadFields {

    private static final String INDEX = "_[_]";

    /** Each path (dotted, as recorded) with its segments (a map key may itself contain a dot). */
    private final Map<String, List<String>> paths;

    private ReadFields(Map<String, List<String>> paths) {
        this.paths = Collections.unmodifiableMap(paths);
    }

    static ReadFields of(CelAbstractSyntaxTree ast) {
        Set<List<String>> found = new LinkedHashSet<>();
        visit(ast.getExpr(), Set.of(), found);
        Map<String, List<String>> paths = new LinkedHashMap<>();
        found.forEach(segments -> paths.putIfAbsent(String.join(".", segments), segments));
        return new ReadFields(paths);
    }

    List<String> paths() {
        return List.copyOf(paths.keySet());
    }

    /** Each path's value in {@code variables}, as JSON-ready values (timestamps as ISO-8601 text). */
    Map<String, Object> valuesIn(Map<String, Object> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        paths.forEach((path, segments) -> lookup(variables, segments).ifPresent(value -> values.put(path,
                json(value))));
        return values;
    }

    private static void visit(CelExpr expr, Set<String> shadowed, Set<List<String>> paths) {
        switch (expr.getKind()) {
            case SELECT:
                if (expr.select().testOnly()) {
                    return;
                }
                Optional<List<String>> selected = path(expr, shadowed);
                if (selected.isPresent()) {
                    paths.add(selected.get());
                } else {
                    visit(expr.select().operand(), shadowed, paths);
                }
                return;
            case CALL:
                Optional<List<String>> indexed = path(expr, shadowed);
                if (indexed.isPresent()) {
                    paths.add(indexed.get());
                    return;
                }
                expr.call().target().ifPresent(target -> visit(target, shadowed, paths));
                expr.call().args().forEach(arg -> visit(arg, shadowed, paths));
                return;
            case LIST:
                expr.list().elements().forEach(element -> visit(element, shadowed, paths));
                return;
            case MAP:
                expr.map().entries().forEach(entry -> {
                    visit(entry.key(), shadowed, paths);
                    visit(entry.value(), shadowed, paths);
                });
                return;
            case STRUCT:
                expr.struct().entries().forEach(entry -> visit(entry.value(), shadowed, paths));
                return;
            case COMPREHENSION:
                CelExpr.CelComprehension comprehension = expr.comprehension();
                visit(comprehension.iterRange(), shadowed, paths);
                visit(comprehension.accuInit(), shadowed, paths);
                Set<String> inner = new HashSet<>(shadowed);
                inner.add(comprehension.iterVar());
                inner.add(comprehension.iterVar2());
                inner.add(comprehension.accuVar());
                visit(comprehension.loopCondition(), inner, paths);
                visit(comprehension.loopStep(), inner, paths);
                visit(comprehension.result(), inner, paths);
                return;
            default:
                // constants and bare variables: nothing is read field by field
        }
    }

    /** The path of a selection chain rooted at a rule variable, if {@code expr} is one. */
    private static Optional<List<String>> path(CelExpr expr, Set<String> shadowed) {
        switch (expr.getKind()) {
            case IDENT:
                String name = expr.ident().name();
                return RuleVariables.NAMES.contains(name) && !shadowed.contains(name) ? Optional.of(List.of(name))
                        : Optional.empty();
            case SELECT:
                if (expr.select().testOnly()) {
                    return Optional.empty();
                }
                return path(expr.select().operand(), shadowed).map(root -> append(root, expr.select().field()));
            case CALL:
                CelExpr.CelCall call = expr.call();
                if (call.function().equals(INDEX) && call.target().isEmpty() && call.args().size() == 2
                        && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    String key = call.args().get(1).constant().stringValue();
                    return path(call.args().get(0), shadowed).map(root -> append(root, key));
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    private static Optional<Object> lookup(Map<String, Object> variables, List<String> path) {
        Object current = variables;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                return Optional.empty(); // e.g. a hunting column the row does not have
            }
            current = map.get(segment);
        }
        return Optional.of(current);
    }

    private static Object json(Object value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(item -> converted.add(json(item)));
            return Collections.unmodifiableList(converted);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), json(item)));
            return Collections.unmodifiableMap(converted);
        }
        return value;
    }
}
