package io.mderesponse.decision.service.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An upper bound of what a checked condition costs on one event, computed from its syntax tree before it ever
 * runs (dev.cel 0.14 has no cost estimator of its own, unlike cel-go).
 *
 * <p>Units: 1 per node evaluated, 1 per list or map element created or walked, 1 per character (or byte) a
 * function produces, 0.1 per character compared or searched (cel-go's factor). Every value gets a bound of its
 * size (characters, elements, and the bound of its elements); a comprehension costs its range's size times its
 * body. Values from the event are assumed at most {@link #INPUT_CHARACTERS} characters and {@link #INPUT_ITEMS}
 * elements (real alerts are far smaller; the runtime budget of {@link EvaluationBudget} holds whatever the event
 * really brings). The bound is deliberately pessimistic where it cannot be exact: {@code replace} with a pattern
 * that is not a constant is taken to insert its replacement between every two characters.
 */
final class CostEstimator {

    /** The longest text of an event the estimate assumes (Defender's titles and names are far shorter). */
    static final double INPUT_CHARACTERS = 4_096;
    /** The longest list or map of an event the estimate assumes (evidence, tags, a hunting row's columns). */
    static final double INPUT_ITEMS = 256;
    /** Compared or searched characters cost a tenth of a unit, as in cel-go. */
    private static final double PER_CHARACTER_READ = 0.1;
    /** Conversions such as {@code string(1.5)} or {@code string(timestamp)} produce at most this much. */
    private static final double SCALAR_TEXT = 32;

    private final CelAbstractSyntaxTree ast;
    private final int maxIterations;

    private CostEstimator(CelAbstractSyntaxTree ast, int maxIterations) {
        this.ast = ast;
        this.maxIterations = maxIterations;
    }

    /** The estimated cost of {@code ast}; {@code maxIterations} is the runtime's cap on one comprehension's loop. */
    static double estimate(CelAbstractSyntaxTree ast, int maxIterations) {
        return new CostEstimator(ast, maxIterations).visit(ast.getExpr(), Map.of()).cost();
    }

    /**
     * A bound of a value's size.
     *
     * @param characters of a string or bytes (0 for other values)
     * @param items of a list or map (0 for other values)
     * @param element the bound of each element (a list's items, a map's keys and values); null when none
     */
    record Bound(double characters, double items, Bound element) {

        static final Bound SCALAR = new Bound(0, 0, null);

        static Bound text(double characters) {
            return new Bound(characters, 0, null);
        }

        /** Characters and elements of the value and everything in it. */
        double footprint() {
            return characters + items * (1 + (element == null ? 0 : element.footprint()));
        }

        Bound join(Bound other) {
            if (other == null) {
                return this;
            }
            return new Bound(Math.max(characters, other.characters), Math.max(items, other.items),
                    element == null ? other.element : element.join(other.element));
        }
    }

    /** A sub-expression's cost and the bound of its value. */
    private record Estimate(double cost, Bound bound) {
    }

    private Estimate visit(CelExpr expr, Map<String, Bound> scope) {
        switch (expr.getKind()) {
            case CONSTANT:
                return new Estimate(1, constant(expr.constant()));
            case IDENT:
                Bound bound = scope.get(expr.ident().name());
                return new Estimate(1, bound != null ? bound : input(typeOf(expr), 0));
            case SELECT: {
                Estimate operand = visit(expr.select().operand(), scope);
                if (expr.select().testOnly()) {
                    return new Estimate(operand.cost() + 1, Bound.SCALAR);
                }
                // A field of a map the condition built is bounded by the map's values; a field of the event by
                // the assumption about events.
                Bound field = operand.bound().element() != null ? operand.bound().element() : input(typeOf(expr), 0);
                return new Estimate(operand.cost() + 1, field);
            }
            case CALL:
                return call(expr, scope);
            case LIST:
                return collection(expr.list().elements(), scope);
            case MAP:
                return collection(expr.map().entries().stream()
                        .flatMap(entry -> Stream.of(entry.key(), entry.value())).toList(), scope);
            case STRUCT:
                return collection(expr.struct().entries().stream().map(CelExpr.CelStruct.Entry::value).toList(),
                        scope);
            case COMPREHENSION:
                return comprehension(expr.comprehension(), scope);
            default:
                return new Estimate(1, Bound.SCALAR);
        }
    }

    private Estimate collection(List<CelExpr> elements, Map<String, Bound> scope) {
        double cost = 1 + elements.size();
        Bound element = null;
        for (CelExpr item : elements) {
            Estimate estimate = visit(item, scope);
            cost += estimate.cost();
            element = estimate.bound().join(element);
        }
        return new Estimate(cost, new Bound(0, elements.size(), element));
    }

    /**
     * A loop, each part of it visited once (visiting the body twice per loop would make nested loops cost the
     * estimator itself 2^depth). The standard macros either keep a scalar ({@code all}, {@code exists},
     * {@code exists_one}) or add at most one element per iteration to a list ({@code map}, {@code filter}), so
     * the accumulator's bound after the last iteration is known before the body is visited.
     */
    private Estimate comprehension(CelExpr.CelComprehension loop, Map<String, Bound> scope) {
        Estimate range = visit(loop.iterRange(), scope);
        // Past comprehensionMaxIterations the runtime stops the loop with an error.
        double iterations = Math.min(range.bound().items(), maxIterations);
        Bound item = range.bound().element() != null ? range.bound().element() : input(null, 0);
        Estimate init = visit(loop.accuInit(), scope);
        boolean collects = loop.accuInit().getKind() == CelExpr.ExprKind.Kind.LIST;
        Bound accumulator = collects ? new Bound(0, init.bound().items() + iterations, init.bound().element())
                : init.bound();
        Estimate step = visit(loop.loopStep(), bind(scope, loop, item, accumulator));
        Bound last = collects ? new Bound(0, accumulator.items(), step.bound().element())
                : accumulator.join(step.bound());
        double perIteration = visit(loop.loopCondition(), bind(scope, loop, item, last)).cost() + step.cost();
        Estimate result = visit(loop.result(), bind(scope, loop, null, last));
        return new Estimate(range.cost() + init.cost() + iterations * perIteration + result.cost() + 1,
                result.bound());
    }

    private static Map<String, Bound> bind(Map<String, Bound> scope, CelExpr.CelComprehension loop, Bound item,
            Bound accumulator) {
        Map<String, Bound> inner = new HashMap<>(scope);
        if (item != null) {
            inner.put(loop.iterVar(), item);
            if (!loop.iterVar2().isEmpty()) {
                inner.put(loop.iterVar2(), item);
            }
        }
        inner.put(loop.accuVar(), accumulator);
        return inner;
    }

    private Estimate call(CelExpr expr, Map<String, Bound> scope) {
        CelExpr.CelCall call = expr.call();
        List<CelExpr> argExprs = new ArrayList<>();
        call.target().ifPresent(argExprs::add);
        argExprs.addAll(call.args());
        double cost = 1;
        Bound[] args = new Bound[argExprs.size()];
        for (int i = 0; i < args.length; i++) {
            Estimate estimate = visit(argExprs.get(i), scope);
            cost += estimate.cost();
            args[i] = estimate.bound();
        }
        Bound result = result(call.function(), expr, argExprs, args);
        return new Estimate(cost + work(call.function(), argExprs, args, result), result);
    }

    /** The bound of a function's value. */
    private Bound result(String function, CelExpr expr, List<CelExpr> argExprs, Bound[] args) {
        switch (function) {
            case "_+_":
                return new Bound(args[0].characters() + args[1].characters(), args[0].items() + args[1].items(),
                        args[0].element() == null ? args[1].element() : args[0].element().join(args[1].element()));
            case "_?_:_":
                return args[1].join(args[2]);
            case "_[_]":
                return args[0].element() != null ? args[0].element() : input(typeOf(expr), 0);
            case "replace": {
                double text = args[0].characters();
                double replacement = args[2].characters();
                double pattern = constantLength(argExprs.get(1));
                double grown = pattern >= 1 ? text + Math.floor(text / pattern) * replacement
                        : text + (text + 1) * replacement;
                if (args.length > 3 && constantInt(argExprs.get(3)) >= 0) {
                    grown = Math.min(grown, text + constantInt(argExprs.get(3)) * replacement);
                }
                return Bound.text(grown);
            }
            case "split": {
                double pieces = args[0].characters() + 1;
                if (args.length > 2 && constantInt(argExprs.get(2)) >= 0) {
                    pieces = Math.min(pieces, constantInt(argExprs.get(2)));
                }
                return new Bound(0, pieces, Bound.text(args[0].characters()));
            }
            case "join": {
                Bound item = args[0].element() == null ? Bound.SCALAR : args[0].element();
                double separator = args.length > 1 ? args[1].characters() : 0;
                return Bound.text(args[0].items() * (item.characters() + separator));
            }
            case "lowerAscii", "upperAscii", "trim", "reverse", "substring", "charAt":
                return Bound.text(args[0].characters());
            case "quote":
                return Bound.text(6 * args[0].characters() + 2); // \\uXXXX escapes
            case "format":
                return Bound.text(args[0].characters() * (3 * args[1].footprint() + SCALAR_TEXT));
            case "string", "bytes":
                return Bound.text(3 * args[0].footprint() + SCALAR_TEXT);
            case "dyn":
                return args[0];
            default:
                break;
        }
        CelType type = typeOf(expr);
        if (type != null && (type.kind() == CelKind.STRING || type.kind() == CelKind.BYTES
                || type.kind() == CelKind.LIST || type.kind() == CelKind.MAP || type.kind() == CelKind.DYN)) {
            // Any other function of the environment returns at most what it was given.
            Bound sum = Bound.SCALAR;
            for (Bound arg : args) {
                sum = new Bound(sum.characters() + arg.characters(), sum.items() + arg.items(),
                        sum.element() == null ? arg.element() : sum.element().join(arg.element()));
            }
            return sum.join(Bound.text(SCALAR_TEXT));
        }
        return Bound.SCALAR;
    }

    /**
     * What a function does beyond evaluating its arguments: comparing or searching (a tenth per character),
     * producing its value (one per character or element of it; a list copies references, not its elements).
     */
    private static double work(String function, List<CelExpr> argExprs, Bound[] args, Bound result) {
        switch (function) {
            case "_&&_", "_||_", "!_", "_?_:_", "size", "_[_]", "@not_strictly_false", "has":
                return 0;
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_":
                // Unequal lengths answer at once; otherwise the shorter side is read to its end at most.
                return PER_CHARACTER_READ * Math.min(args[0].footprint(), args[1].footprint());
            case "startsWith", "endsWith":
                return PER_CHARACTER_READ * args[1].characters();
            case "matches":
                // RE2 runs in time linear in the text times its program, which repetitions multiply.
                return PER_CHARACTER_READ * args[0].characters() * regexSize(argExprs.get(1), args[1]);
            case "contains", "indexOf", "lastIndexOf", "replace":
                // A naive search (String.indexOf) or RE2 matching: text times pattern.
                return PER_CHARACTER_READ * args[0].characters() * Math.max(1, args[1].characters())
                        + shallow(result);
            case "split":
                // The pieces share out the text: all of them together are no longer than it.
                return PER_CHARACTER_READ * args[0].characters() + args[0].characters() + result.items();
            case "@in": {
                // The value compared with each element of the list (or looked up among the map's keys).
                Bound element = args[1].element() == null ? Bound.SCALAR : args[1].element();
                return args[1].items() * (1 + PER_CHARACTER_READ * Math.min(args[0].footprint(),
                        element.footprint()));
            }
            default: {
                double read = 0;
                for (Bound arg : args) {
                    read += shallow(arg);
                }
                return PER_CHARACTER_READ * read + shallow(result);
            }
        }
    }

    /**
     * The bound of a regular expression's program: read from a literal; a pattern computed while the condition
     * runs could nest repetitions as deep as it is long, so it counts a million per character (in effect, such a
     * condition is refused).
     */
    private static double regexSize(CelExpr pattern, Bound bound) {
        if (pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return Math.max(1, RegexSize.of(pattern.constant().stringValue()));
        }
        return Math.max(1, bound.characters()) * 1_000_000;
    }

    /** A value's own characters or elements (what producing it allocates). */
    private static double shallow(Bound bound) {
        return bound.characters() + bound.items();
    }

    private static Bound constant(CelConstant constant) {
        return switch (constant.getKind()) {
            case STRING_VALUE -> Bound.text(constant.stringValue().length());
            case BYTES_VALUE -> Bound.text(constant.bytesValue().size());
            default -> Bound.SCALAR;
        };
    }

    /** A constant text's length, else 0 (the worst case for {@code replace}). */
    private static double constantLength(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return expr.constant().stringValue().length();
        }
        return 0;
    }

    /** A constant integer, else -1 (unknown). */
    private static double constantInt(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.INT64_VALUE) {
            return expr.constant().int64Value();
        }
        return -1;
    }

    private CelType typeOf(CelExpr expr) {
        Optional<CelType> type = ast.getType(expr.id());
        return type.orElse(null);
    }

    /** The bound the estimate assumes for a value of the event of this type (null: unknown, as dyn). */
    private static Bound input(CelType type, int depth) {
        CelKind kind = type == null ? CelKind.DYN : type.kind();
        switch (kind) {
            case STRING:
            case BYTES:
                return Bound.text(INPUT_CHARACTERS);
            case LIST:
                return new Bound(0, INPUT_ITEMS, input(((ListType) type).elemType(), depth + 1));
            case MAP:
                MapType map = (MapType) type;
                return new Bound(0, INPUT_ITEMS,
                        input(map.keyType(), depth + 1).join(input(map.valueType(), depth + 1)));
            case DYN:
            case ANY:
                // A hunting row's JSON column: text, or a list or map of texts. Deeper JSON is not assumed (it
                // is rare in hunting results); the runtime budget still holds it.
                return depth > 0 ? Bound.text(INPUT_CHARACTERS)
                        : new Bound(INPUT_CHARACTERS, INPUT_ITEMS, Bound.text(INPUT_CHARACTERS));
            default:
                return Bound.SCALAR;
        }
    }
}
