package io.mderesponse.simulator.odata;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.odata.FilterExpr.Literal;
import io.mderesponse.simulator.odata.FilterExpr.Operator;
import io.mderesponse.simulator.odata.FilterLexer.Kind;
import io.mderesponse.simulator.odata.FilterLexer.Token;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the part of OData's {@code $filter} grammar the Defender API documents: comparisons joined by
 * {@code and}/{@code or}, {@code not}, parentheses, and {@code startswith}/{@code endswith}/{@code contains}.
 * Date-time literals are unquoted ({@code 2021-01-24T10:00:00Z}, any fractional precision); strings are quoted.
 */
public final class FilterParser {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.+");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> FUNCTIONS = Set.of("startswith", "endswith", "contains");

    private final List<Token> tokens;
    private int next;

    private FilterParser(String filter) {
        this.tokens = FilterLexer.tokenize(filter);
    }

    /** The expression, or a 400 {@code ODataError} saying what is wrong. */
    public static FilterExpr parse(String filter) {
        FilterParser parser = new FilterParser(filter);
        FilterExpr expr = parser.orExpr();
        parser.expect(Kind.END, "end of expression");
        return expr;
    }

    static ApiException syntaxError(String detail) {
        return ApiException.badRequest(ErrorCodes.ODATA_ERROR,
                "The query specified in the URI is not valid. Syntax error in $filter: " + detail + ".");
    }

    private FilterExpr orExpr() {
        FilterExpr left = andExpr();
        while (isKeyword("or")) {
            next++;
            left = new FilterExpr.Or(left, andExpr());
        }
        return left;
    }

    private FilterExpr andExpr() {
        FilterExpr left = unary();
        while (isKeyword("and")) {
            next++;
            left = new FilterExpr.And(left, unary());
        }
        return left;
    }

    private FilterExpr unary() {
        if (isKeyword("not")) {
            next++;
            return new FilterExpr.Not(unary());
        }
        if (peek().kind() == Kind.LPAREN) {
            next++;
            FilterExpr inner = orExpr();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        Token word = expect(Kind.WORD, "a property name");
        String lower = word.text().toLowerCase(Locale.ROOT);
        if (FUNCTIONS.contains(lower) && peek().kind() == Kind.LPAREN) {
            next++;
            String property = expect(Kind.WORD, "a property name").text();
            expect(Kind.COMMA, "','");
            Literal literal = literal();
            expect(Kind.RPAREN, "')'");
            return new FilterExpr.Call(lower, property, literal);
        }
        Token op = expect(Kind.WORD, "a comparison operator after '" + word.text() + "'");
        return new FilterExpr.Compare(word.text(), operator(op), literal());
    }

    private Operator operator(Token token) {
        try {
            return Operator.valueOf(token.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw syntaxError("unknown operator '" + token.text() + "' at position " + token.position());
        }
    }

    private Literal literal() {
        Token token = tokens.get(next++);
        if (token.kind() == Kind.STRING) {
            return new Literal(Literal.Kind.STRING, token.text(), token.text());
        }
        if (token.kind() != Kind.WORD) {
            throw syntaxError("expected a literal at position " + token.position());
        }
        String text = token.text();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "null":
                return new Literal(Literal.Kind.NULL, null, text);
            case "true", "false":
                return new Literal(Literal.Kind.BOOLEAN, Boolean.parseBoolean(text), text);
            default:
                break;
        }
        if (NUMBER.matcher(text).matches()) {
            return new Literal(Literal.Kind.NUMBER, Long.parseLong(text), text);
        }
        if (GUID.matcher(text).matches()) {
            return new Literal(Literal.Kind.GUID, text, text);
        }
        if (DATE_TIME.matcher(text).matches()) {
            Instant instant = DateTimes.parse(text)
                    .orElseThrow(() -> syntaxError("invalid date-time literal '" + text + "'"));
            return new Literal(Literal.Kind.DATE_TIME, instant, text);
        }
        throw syntaxError("unrecognised literal '" + text + "' at position " + token.position()
                + " (strings must be quoted: 'value')");
    }

    private boolean isKeyword(String keyword) {
        Token token = peek();
        return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(keyword);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(Kind kind, String what) {
        Token token = tokens.get(next);
        if (token.kind() != kind) {
            String found = token.kind() == Kind.END ? "end of expression" : "'" + token.text() + "'";
            throw syntaxError("expected " + what + " at position " + token.position() + " but found " + found);
        }
        next++;
        return token;
    }
}
