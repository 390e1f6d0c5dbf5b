package io.mderesponse.decision.service.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upper bound of the size of the program RE2 compiles from a pattern, read from the pattern's text: a
 * repetition multiplies what it repeats, so {@code ((a{100}){100}){100}}, 20 characters, is a million
 * instructions (RE2J took 0.7 s and a 128 MB heap to compile it). Each character, escape or class counts 1;
 * {@code *}, {@code +}, {@code ?} double their operand plus 1; {@code {n,m}} multiplies it by the larger count.
 */
final class RegexSize {

    private static final Pattern COUNTED = Pattern.compile("\\{(\\d{1,9})(?:,(\\d{0,9}))?}");
    /** RE2's largest repetition count; a larger one does not compile at all. */
    private static final double MAX_REPEAT = 1_000;

    private RegexSize() {
    }

    static double of(String pattern) {
        Deque<double[]> groups = new ArrayDeque<>(); // per open group: {size so far}
        double[] current = {0};
        double last = 0; // the size of the last atom or group, which a quantifier applies to
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                last = 1;
                current[0] += last;
                i += 2;
            } else if (c == '[') {
                int end = i + 1;
                if (end < pattern.length() && pattern.charAt(end) == '^') {
                    end++;
                }
                if (end < pattern.length() && pattern.charAt(end) == ']') {
                    end++; // a ']' first is part of the class
                }
                while (end < pattern.length() && pattern.charAt(end) != ']') {
                    end += pattern.charAt(end) == '\\' ? 2 : 1;
                }
                last = 1;
                current[0] += last;
                i = end + 1;
            } else if (c == '(') {
                groups.push(current);
                current = new double[] {0};
                i++;
            } else if (c == ')') {
                last = current[0] + 1;
                current = groups.isEmpty() ? new double[] {0} : groups.pop();
                current[0] += last;
                i++;
            } else if (c == '*' || c == '+' || c == '?') {
                current[0] += last + 1;
                last = 2 * last + 1;
                i++;
            } else if (c == '{') {
                Matcher counted = COUNTED.matcher(pattern).region(i, pattern.length());
                if (counted.lookingAt()) {
                    double times = Math.min(MAX_REPEAT, Math.max(Double.parseDouble(counted.group(1)),
                            counted.group(2) == null || counted.group(2).isEmpty() ? Double.parseDouble(
                                    counted.group(1)) + 1 : Double.parseDouble(counted.group(2))));
                    current[0] += last * (times - 1) + 1;
                    last = last * times + 1;
                    i = counted.end();
                } else {
                    last = 1;
                    current[0] += last;
                    i++;
                }
            } else {
                last = 1;
                current[0] += last;
                i++;
            }
        }
        while (!groups.isEmpty()) {
            double inner = current[0];
            current = groups.pop();
            current[0] += inner;
        }
        return current[0];
    }
}
