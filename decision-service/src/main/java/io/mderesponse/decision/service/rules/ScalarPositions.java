package io.mderesponse.decision.service.rules;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a place inside a YAML scalar's value (a CEL expression) to its line and column in the file, whatever
 * the scalar's style: plain, quoted, literal ({@code |}) or folded ({@code >}). It walks the file's text from the
 * scalar's start alongside the value, skipping what YAML removed (quotes, indentation, escapes' backslashes, line
 * breaks folded into spaces).
 */
final class ScalarPositions {

    private final String text;

    ScalarPositions(String text) {
        this.text = text;
    }

    /** The 1-based {line, column} in the file of the node's start. */
    int[] start(ScalarNode node) {
        return of(node.getStartMark());
    }

    int[] of(Mark mark) {
        return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
    }

    /**
     * The 1-based {line, column} in the file of {@code line} (1-based) and {@code column} (0-based, code
     * points) in the scalar's value; the scalar's start when there is no such place.
     */
    int[] locate(ScalarNode node, int line, int column) {
        String value = node.getValue();
        if (line <= 0) {
            return start(node);
        }
        int offset = offsetIn(value, line, column);
        int from = charIndex(node.getStartMark().getIndex());
        int to = charIndex(node.getEndMark().getIndex());
        if (from < 0 || to < 0) {
            return start(node);
        }
        int p = from;
        int found = -1;
        for (int k = 0; k <= Math.min(offset, value.length() - 1); k++) {
            char c = value.charAt(k);
            while (p < to && !same(text.charAt(p), c)) {
                p++;
            }
            if (p >= to) {
                return start(node);
            }
            found = p;
            p++;
        }
        if (found < 0) {
            return start(node);
        }
        if (offset >= value.length()) {
            found++; // the place just after the last character, e.g. an unexpected end of the expression
        }
        return position(found);
    }

    private static int offsetIn(String value, int line, int column) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            int newline = value.indexOf('\n', start);
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        int offset = start;
        for (int i = 0; i < column && offset < value.length(); i++) {
            offset += Character.charCount(value.codePointAt(offset));
        }
        return offset;
    }

    private static boolean same(char inFile, char inValue) {
        return inFile == inValue || Character.isWhitespace(inFile) && Character.isWhitespace(inValue);
    }

    /** SnakeYAML counts code points; strings count chars. */
    private int charIndex(int codePointIndex) {
        try {
            return text.offsetByCodePoints(0, codePointIndex);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private int[] position(int charIndex) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < charIndex && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, text.codePointCount(lineStart, Math.min(charIndex, text.length())) + 1};
    }
}
