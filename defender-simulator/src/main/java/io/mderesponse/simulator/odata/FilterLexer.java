package io.mderesponse.simulator.odata;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code $filter} into words, quoted strings and punctuation. */
final class FilterLexer {

    /** Token kinds; words are classified later, by position. */
    enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, END }

    /** One token and where it starts, for error messages. */
    record Token(Kind kind, String text, int position) {
    }

    private FilterLexer() {
    }

    static List<Token> tokenize(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                Kind kind = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA;
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = readString(filter, i, tokens);
            } else {
                int start = i;
                while (i < filter.length() && !isDelimiter(filter.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, filter.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", filter.length()));
        return tokens;
    }

    /** Reads {@code 'it''s'}: a doubled quote is a quote, as OData escapes it. */
    private static int readString(String filter, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= filter.length()) {
                throw FilterParser.syntaxError("unterminated string literal at position " + start);
            }
            char c = filter.charAt(i);
            if (c == '\'') {
                if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            value.append(c);
            i++;
        }
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == '\'';
    }
}
