package io.fraudshield.common.http;

import java.util.Locale;

/**
 * A request path written the one way its route is named: no empty, {@code .} or {@code ..} segments, no
 * matrix parameters, no percent-encoded dot, slash, backslash or percent, no backslash. Servers and proxies
 * resolve other spellings differently, so they are refused rather than interpreted.
 */
final class CanonicalPath {

    private static final String[] ENCODED = {"%2e", "%2f", "%5c", "%25", "%3b", "%00"};

    private CanonicalPath() {
    }

    static boolean isCanonical(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.contains(encoded)) {
                return false;
            }
        }
        if (path.equals("/")) {
            return true;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailingSlash = i == segments.length - 1 && segment.isEmpty();
            if ((segment.isEmpty() && !trailingSlash) || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
