package io.mderesponse.contracts.id;

import java.util.regex.Pattern;

/**
 * Checks Defender alert and machine ids and file hashes, which arrive from outside and end up in URLs, topic keys and emails.
 *
 * <p>The patterns are the ones the JSON Schemas use, so a record that passes here also passes the schema.
 */
public final class DefenderIds {

    /** An alert id: 1 to 128 characters of {@code [A-Za-z0-9_-]} (e.g. {@code da637472900382838869_1364969609}). */
    public static final String ALERT_ID_PATTERN = "^[A-Za-z0-9_-]{1,128}$";

    /** A machine (device) id: exactly 40 lowercase hex characters. */
    public static final String MACHINE_ID_PATTERN = "^[0-9a-f]{40}$";

    /** A file's SHA-1 as Defender's StopAndQuarantineFile takes it: exactly 40 hex characters, either case. */
    public static final String SHA1_PATTERN = "^[0-9a-fA-F]{40}$";

    private static final Pattern ALERT_ID = Pattern.compile(ALERT_ID_PATTERN);
    private static final Pattern SHA1 = Pattern.compile(SHA1_PATTERN);
    private static final Pattern MACHINE_ID = Pattern.compile(MACHINE_ID_PATTERN);

    private DefenderIds() {
    }

    public static boolean isValidAlertId(String id) {
        return id != null && ALERT_ID.matcher(id).matches();
    }

    public static boolean isValidMachineId(String id) {
        return id != null && MACHINE_ID.matcher(id).matches();
    }

    /** Returns {@code id} if valid, else throws an exception that shows only a sanitised prefix of it. */
    public static String requireValidAlertId(String id) {
        if (!isValidAlertId(id)) {
            throw new IllegalArgumentException(invalid("alert id", "1 to 128 characters of [A-Za-z0-9_-]", id));
        }
        return id;
    }

    /** Returns {@code id} if valid, else throws an exception that shows only a sanitised prefix of it. */
    public static String requireValidMachineId(String id) {
        if (!isValidMachineId(id)) {
            throw new IllegalArgumentException(invalid("machine id", "exactly 40 lowercase hex characters", id));
        }
        return id;
    }

    public static boolean isValidSha1(String hash) {
        return hash != null && SHA1.matcher(hash).matches();
    }

    /**
     * Returns {@code hash} if it is a SHA-1 (alert evidence is untrusted: a path, a URL or a command line must never
     * reach Defender's quarantine call), else throws an exception that shows only a sanitised prefix of it.
     */
    public static String requireValidSha1(String hash) {
        if (!isValidSha1(hash)) {
            throw new IllegalArgumentException(invalid("SHA-1", "exactly 40 hex characters", hash));
        }
        return hash;
    }

    private static String invalid(String what, String expected, String id) {
        if (id == null) {
            return "Invalid " + what + ": expected " + expected + ", got null";
        }
        return "Invalid " + what + ": expected " + expected + ", got " + id.length() + " characters starting "
                + SafeText.preview(id);
    }
}
