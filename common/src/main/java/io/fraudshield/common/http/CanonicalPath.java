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
        if (path.indexOf('%') >= 0) {
            String lower = path.toLowerCase(Locale.ROOT);
            for (String encoded : ENCODED) {
                if (lower.contains(encoded)) {
                    return false;
                }
            }
        }
        // every segment between two slashes, and the last one unless the path ends with a slash
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                return start == path.length() || isPlainSegment(path, start, path.length());
            }
            if (!isPlainSegment(path, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static boolean isPlainSegment(String path, int start, int end) {
        int length = end - start;
        return length > 0 && !(length == 1 && path.charAt(start) == '.')
                && !(length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
    }
}
