package io.mderesponse.systemtests.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in log text: any of the given secrets verbatim, and anything shaped like an OAuth2 bearer
 * token (a JWT: three base64url parts, the first two JSON objects, so beginning with {@code eyJ}).
 */
public final class LogLeaks {

    /** A signed JWT as Entra ID and the simulator issue them. */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+");

    /** One leak: where, and what kind (the secret itself is not repeated in a report). */
    public record Leak(String source, int line, String kind) {
    }

    private final Set<String> secrets;

    public LogLeaks(Set<String> secrets) {
        secrets.forEach(secret -> {
            if (secret.length() < 8) {
                throw new IllegalArgumentException("A secret this short would match by chance: " + secret.length());
            }
        });
        this.secrets = Set.copyOf(secrets);
    }

    public List<Leak> scan(String source, String log) {
        List<Leak> leaks = new ArrayList<>();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            for (String secret : secrets) {
                if (lines[i].contains(secret)) {
                    leaks.add(new Leak(source, i + 1, "a configured secret"));
                }
            }
            Matcher jwt = JWT.matcher(lines[i]);
            if (jwt.find()) {
                leaks.add(new Leak(source, i + 1, "a bearer token (JWT)"));
            }
        }
        return leaks;
    }
}
