package io.trafficcop.proxy.codec;

import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The header names backends send on almost every response, as shared constants: the response decoder returns one of
 * these instead of a new {@link AsciiString} per header when the received bytes are exactly its name (its usual
 * capitalisation, or all lower case). A name is never changed: the same bytes in, the same bytes out.
 */
final class KnownHeaderNames {

    private static final String[] NAMES = {
        "Accept-Ranges", "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers",
        "Access-Control-Allow-Methods", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers",
        "Access-Control-Max-Age", "Age", "Alt-Svc", "Cache-Control", "Connection", "Content-Disposition",
        "Content-Encoding", "Content-Language", "Content-Length", "Content-Range", "Content-Security-Policy",
        "Content-Type", "Date", "ETag", "Expires", "Keep-Alive", "Last-Modified", "Link", "Location", "Pragma",
        "Referrer-Policy", "Retry-After", "Server", "Set-Cookie", "Strict-Transport-Security", "Trailer",
        "Transfer-Encoding", "Upgrade", "Vary", "Via", "WWW-Authenticate", "X-Content-Type-Options",
        "X-Frame-Options", "X-Powered-By", "X-Request-Id", "X-Xss-Protection",
    };

    private static final int MAX_LENGTH = 40;
    /** By length: the names of that length, usual capitalisation and lower case. */
    private static final AsciiString[][] BY_LENGTH = byLength();

    private KnownHeaderNames() {
    }

    /** The known name whose bytes are exactly {@code bytes[start, start + length)}, or null. */
    static AsciiString find(byte[] bytes, int start, int length) {
        if (length >= BY_LENGTH.length) {
            return null;
        }
        AsciiString[] candidates = BY_LENGTH[length];
        if (candidates == null) {
            return null;
        }
        for (AsciiString candidate : candidates) {
            if (Arrays.equals(candidate.array(), 0, length, bytes, start, start + length)) {
                return candidate;
            }
        }
        return null;
    }

    private static AsciiString[][] byLength() {
        List<List<AsciiString>> lists = new ArrayList<>();
        for (int i = 0; i <= MAX_LENGTH; i++) {
            lists.add(new ArrayList<>());
        }
        for (String name : NAMES) {
            lists.get(name.length()).add(AsciiString.cached(name));
            lists.get(name.length()).add(AsciiString.cached(name.toLowerCase(Locale.ROOT)));
        }
        AsciiString[][] table = new AsciiString[MAX_LENGTH + 1][];
        for (int i = 0; i <= MAX_LENGTH; i++) {
            table[i] = lists.get(i).isEmpty() ? null : lists.get(i).toArray(AsciiString[]::new);
        }
        return table;
    }
}
