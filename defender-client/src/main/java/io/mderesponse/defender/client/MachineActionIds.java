package io.mderesponse.defender.client;

import io.mderesponse.contracts.id.SafeText;
import java.util.regex.Pattern;

/** Checks machine action ids, which are GUIDs, before they enter a URL or a filter. */
public final class MachineActionIds {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private MachineActionIds() {
    }

    public static boolean isValid(String id) {
        return id != null && GUID.matcher(id).matches();
    }

    /** Returns {@code id} if it is a GUID, else throws an exception that shows only a sanitised prefix of it. */
    public static String requireValid(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("Invalid machine action id: expected a GUID, got "
                    + (id == null ? "null" : id.length() + " characters starting " + SafeText.preview(id)));
        }
        return id;
    }
}
