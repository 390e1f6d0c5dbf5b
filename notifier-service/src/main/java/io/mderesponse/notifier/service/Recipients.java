package io.mderesponse.notifier.service;

import io.mderesponse.contracts.id.SafeText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Email addresses: each checked on its own, then merged and de-duplicated.
 *
 * <p>An address is a plain {@code local@domain} in ASCII (the HTML specification's "valid email address"),
 * at most 254 characters: no display names, no quoting, and so no CR, LF, comma, angle bracket, space or
 * semicolon, which could add recipients or split a header.
 */
public final class Recipients {

    /** The longest address SMTP can carry in a path (RFC 5321: 256 octets including the angle brackets). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private Recipients() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
    }

    /**
     * The configured addresses, trimmed, without empty entries and duplicates; an invalid one is an error naming
     * {@code property} (the operator must fix the configuration, not lose mail silently).
     */
    public static List<String> configured(Collection<String> addresses, String property) {
        List<String> valid = new ArrayList<>();
        for (String entry : addresses) {
            String address = entry == null ? "" : entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!isValid(address)) {
                throw new IllegalArgumentException(property + " contains an invalid email address "
                        + SafeText.preview(address, 64) + ": expected local@domain, without spaces, commas, "
                        + "angle brackets or line breaks");
            }
            valid.add(address);
        }
        return distinct(valid);
    }

    /**
     * The event's recipients followed by the configured ones, de-duplicated ignoring case (first spelling kept).
     * An invalid address from the event is left out and passed to {@code onInvalid}; the others still get mail.
     */
    public static List<String> merge(Collection<String> fromEvent, Collection<String> configured,
            Consumer<String> onInvalid) {
        List<String> all = new ArrayList<>();
        for (String address : fromEvent) {
            String stripped = address == null ? null : address.strip();
            if (isValid(stripped)) {
                all.add(stripped);
            } else {
                onInvalid.accept(address);
            }
        }
        all.addAll(configured);
        return distinct(all);
    }

    private static List<String> distinct(List<String> addresses) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        addresses.forEach(address -> byLowerCase.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        return List.copyOf(byLowerCase.values());
    }
}
