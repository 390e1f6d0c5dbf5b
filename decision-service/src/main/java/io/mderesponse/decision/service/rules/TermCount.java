package io.mderesponse.decision.service.rules;

import java.util.Optional;

/**
 * A cheap first look at a condition before CEL parses it: every identifier and every literal becomes at least one
 * node of the syntax tree, so a condition with more of them than {@code rules.max-expression-nodes} is refused
 * without running the parser, which takes up to a second on a busy machine for a list of a few thousand numbers.
 * It may only undercount (then CEL's own node limit still applies), never overcount.
 */
final class TermCount {

    private TermCount() {
    }

    /** Where the term past {@code maxTerms} starts, as a 1-based line and 0-based column; empty if none. */
    static Optional<CelConditions.Issue> beyond(String expression, int maxTerms) {
        int terms = 0;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
                continue;
            }
            int start = i;
            if (expression.startsWith("//", i)) {
                // A comment: to the end of the line, no terms.
                while (i < length && expression.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (isQuote(expression, i)) {
                i = afterString(expression, i);
            } else if (Character.isLetter(c) || c == '_') {
                while (i < length && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                i = afterNumber(expression, i);
            } else {
                i++;
                continue;
            }
            if (++terms > maxTerms) {
                int column = expression.codePointCount(lineStart, start);
                return Optional.of(new CelConditions.Issue(line, column, "the condition has more than " + maxTerms
                        + " terms (names and literals); at most " + maxTerms
                        + " nodes are allowed (rules.max-expression-nodes)"));
            }
        }
        return Optional.empty();
    }

    /** A string or bytes literal starts here: a quote, or r/b prefixes and a quote. */
    private static boolean isQuote(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 2 && "rRbB".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        boolean prefixed = j > i;
        if (prefixed && i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return false;
        }
        return j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'');
    }

    private static int afterString(String text, int i) {
        boolean raw = false;
        while ("rRbB".indexOf(text.charAt(i)) >= 0) {
            raw |= text.charAt(i) == 'r' || text.charAt(i) == 'R';
            i++;
        }
        char quote = text.charAt(i);
        String triple = String.valueOf(quote).repeat(3);
        boolean isTriple = text.startsWith(triple, i);
        i += isTriple ? 3 : 1;
        while (i < text.length()) {
            if (!raw && text.charAt(i) == '\\') {
                i += 2;
            } else if (isTriple ? text.startsWith(triple, i) : text.charAt(i) == quote) {
                return i + (isTriple ? 3 : 1);
            } else if (!isTriple && text.charAt(i) == '\n') {
                return i; // unterminated: CEL reports it
            } else {
                i++;
            }
        }
        return i;
    }

    /** Digits, hex digits, a fraction, an exponent with its sign, a u suffix: one literal. */
    private static int afterNumber(String text, int i) {
        boolean hex = text.regionMatches(true, i, "0x", 0, 2);
        i += hex ? 2 : 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean fraction = !hex && c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
            boolean exponentSign = !hex && (c == '+' || c == '-')
                    && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E');
            if (Character.isLetterOrDigit(c) || fraction || exponentSign) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }
}
