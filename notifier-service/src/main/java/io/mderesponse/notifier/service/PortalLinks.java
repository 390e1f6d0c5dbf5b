package io.mderesponse.notifier.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Links into the Defender portal, with each id URL-encoded as a path segment. */
public final class PortalLinks {

    private final String baseUrl;

    /** {@code baseUrl} must be an absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    public PortalLinks(String baseUrl) {
        this.baseUrl = validated(baseUrl);
    }

    public String alert(String alertId) {
        return baseUrl + "/alerts/" + pathSegment(alertId);
    }

    public String machine(String machineId) {
        return baseUrl + "/machines/" + pathSegment(machineId);
    }

    /** {@code value} percent-encoded for a path segment: only unreserved characters stay as they are. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String validated(String baseUrl) {
        try {
            URI uri = new URI(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("expected an absolute http(s) URL without query or fragment, got "
                        + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String trimmed = baseUrl;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
