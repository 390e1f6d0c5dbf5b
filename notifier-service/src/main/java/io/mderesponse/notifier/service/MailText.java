package io.mderesponse.notifier.service;

/**
 * Makes attacker-influenced text (alert titles, machine names, reasons) safe to put into an email: one line,
 * no control characters, bounded length. HTML escaping is the templates' job (Qute escapes {@code .html}).
 */
public final class MailText {

    /** The longest subject, in characters, including the {@link #ELLIPSIS} of a cut one. */
    public static final int SUBJECT_MAX = 200;
    /** The longest short field in a body (title, names, category). */
    public static final int FIELD_MAX = 500;
    /** The longest reason in a body. */
    public static final int REASON_MAX = 2000;
    /** Marks text that was cut. */
    public static final String ELLIPSIS = "…";
    /** Shown for a field that has no value. */
    public static final String NONE = "—";

    private MailText() {
    }

    /**
     * {@code text} as one line of at most {@code max} characters: control characters (CR, LF, TAB, NUL, ...), NEL
     * and the Unicode line and paragraph separators become spaces, bidirectional overrides are dropped, runs of
     * spaces shrink to one, and the ends are trimmed. Safe for a header: nothing in it can start a new one.
     */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 16));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isBidiControl(c)) {
                continue;
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(c);
            if (out.length() > max * 2 + 2) {
                break; // enough to decide the cut; the rest of a huge value is never copied
            }
        }
        return truncate(out.toString(), max);
    }

    /** As {@link #oneLine}, with {@link #NONE} for a missing or blank value. */
    public static String field(String text, int max) {
        String line = oneLine(text, max);
        return line.isEmpty() ? NONE : line;
    }

    /**
     * {@code text} cut to at most {@code max} characters (code points, so no surrogate pair is split), the last
     * being {@link #ELLIPSIS} when it was cut.
     */
    public static String truncate(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
