package io.trafficcop.proxy.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import java.util.Date;

/**
 * The Date header Go's HTTP server adds to the responses it generates, formatted once per second and shared by all
 * event loops.
 */
public final class HttpDate {

    private record Cached(long second, AsciiString value) {
    }

    private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

    private HttpDate() {
    }

    public static AsciiString now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, AsciiString.of(DateFormatter.format(new Date(second * 1000))));
            cached = c;
        }
        return c.value;
    }
}
