package io.mderesponse.systemtests.config;

import java.util.Locale;

/** How a property name maps to its environment variable, and how the README writes placeholders. */
public final class ConfigNames {

    private ConfigNames() {
    }

    /**
     * SmallRye Config's rule: every character that is not a letter or digit becomes {@code _}, the rest upper
     * case ({@code defender.api.base-url} → {@code DEFENDER_API_BASE_URL}). A {@code *} segment stays {@code *}.
     */
    public static String environmentVariable(String property) {
        StringBuilder out = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '*' ? Character.toUpperCase(c) : '_');
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** A README name with placeholders ({@code defender.budget.<family>.per-minute}) in scanner form ({@code *}). */
    public static String normalise(String documented) {
        return documented.replaceAll("<[^>]*>", "*");
    }
}
