package io.mderesponse.contracts.id;

/** Renders untrusted text for error messages and logs: short, printable ASCII only, so it cannot forge lines. */
public final class SafeText {

    /** How many characters of an untrusted value an error message may show. */
    public static final int PREVIEW_LENGTH = 16;

    private SafeText() {
    }

    /**
     * A quoted preview of {@code value}: at most {@link #PREVIEW_LENGTH} characters, each outside printable ASCII
     * (control characters, line breaks, non-ASCII) replaced by {@code ?}, with {@code ...} when cut.
     */
    public static String preview(String value) {
        return preview(value, PREVIEW_LENGTH);
    }

    /** As {@link #preview(String)}, showing at most {@code maxLength} characters. */
    public static String preview(String value, int maxLength) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(value.length(), maxLength);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        out.append('\'');
        if (value.length() > shown) {
            out.append("...");
        }
        return out.toString();
    }

    /**
     * {@code text} on one line and at most {@code maxLength} characters: control characters (line breaks
     * included) become spaces, so a message built from untrusted input cannot forge log lines.
     */
    public static String singleLine(String text, int maxLength) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > maxLength ? out + "..." : out.toString();
    }
}
