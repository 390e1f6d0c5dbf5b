package io.mderesponse.simulator.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client-credentials token request: form parameters, with the client id and secret taken from an HTTP Basic
 * header when the form lacks them ({@code client_secret_basic}, which Entra ID accepts and OIDC clients default to).
 */
public record ClientCredentials(String grantType, String clientId, String clientSecret, String scope, String resource) {

    public static ClientCredentials parse(String formBody, String authorization) {
        Map<String, String> form = form(formBody);
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            String[] pair = basic(authorization.substring(6).trim());
            if (pair != null) {
                clientId = clientId == null ? pair[0] : clientId;
                clientSecret = clientSecret == null ? pair[1] : clientSecret;
            }
        }
        return new ClientCredentials(form.get("grant_type"), clientId, clientSecret, form.get("scope"),
                form.get("resource"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.trim().split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            form.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return form;
    }

    /** RFC 6749 2.3.1: id and secret are form-encoded, joined by a colon, then Base64-encoded. */
    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null
                    : new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
