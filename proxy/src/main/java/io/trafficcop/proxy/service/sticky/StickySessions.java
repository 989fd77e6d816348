package io.trafficcop.proxy.service.sticky;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ResponseInterceptor;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traefik's sticky sessions (pkg/server/service/loadbalancer/sticky.go): the children of a balancer (servers by URL,
 * or child services by name) by the value a client's cookie carries. The cookie value is the first 16 hex digits of
 * sha256(child name), so it is stable across reloads and across proxy instances; legacy values — the plain name, its
 * FNV-64 hash and the double FNV-64 hash of older Traefik versions — are still accepted and then rewritten.
 *
 * @param <T> the child type
 */
public final class StickySessions<T> {

    /** A child found from the request's cookie; {@code rewrite} when the cookie used a legacy value. */
    public record Hit<T>(String name, T item, boolean rewrite) {
    }

    private final StickyCookie cookie;
    private final Map<String, String> hashByName = new ConcurrentHashMap<>();
    private final Map<String, Hit<T>> byHash = new ConcurrentHashMap<>();
    private final Map<String, Hit<T>> byLegacyValue = new ConcurrentHashMap<>();

    public StickySessions(StickyCookie cookie) {
        this.cookie = cookie;
    }

    public StickyCookie cookie() {
        return cookie;
    }

    /** Traefik's AddHandler. */
    public void add(String name, T item) {
        String hash = sha256Hash(name);
        hashByName.put(name, hash);
        byHash.put(hash, new Hit<>(name, item, false));
        Hit<T> legacy = new Hit<>(name, item, true);
        byLegacyValue.put(name, legacy);
        String fnv = fnvHash(name);
        byLegacyValue.put(fnv, legacy);
        byLegacyValue.put(fnvHash(fnv), legacy);
    }

    /** Traefik's StickyHandler: the child named by the request's cookie, or null. */
    public Hit<T> lookup(Exchange exchange) {
        String value = cookieValue(exchange.request().headers().getAll(HttpHeaderNames.COOKIE), cookie.name());
        if (value == null) {
            return null;
        }
        Hit<T> hit = byHash.get(value);
        return hit != null ? hit : byLegacyValue.get(value);
    }

    /** Adds the Set-Cookie header sticking the client to child {@code name} to the exchange's response. */
    public void stick(Exchange exchange, String name) {
        String hash = hashByName.get(name);
        if (hash == null) {
            return;
        }
        String header = cookie.setCookieValue(hash);
        exchange.addResponseInterceptor(new ResponseInterceptor() {
            @Override
            public void onResponseHead(Exchange e, HttpResponse response) {
                response.headers().add(HttpHeaderNames.SET_COOKIE, header);
            }
        });
    }

    /** The value of the first cookie named {@code name} among the Cookie headers (Go's Request.Cookie). */
    static String cookieValue(List<String> headers, String name) {
        for (String header : headers) {
            if (header.indexOf(name) < 0) {
                continue;
            }
            for (var c : ServerCookieDecoder.LAX.decodeAll(header)) {
                if (c.name().equals(name)) {
                    return c.value();
                }
            }
        }
        return null;
    }

    /** sha256 of the name, hex, first 16 characters. */
    public static String sha256Hash(String name) {
        return HexFormat.of().formatHex(StickyCookie.digest("SHA-256", name)).substring(0, 16);
    }

    /** Go's fnv.New64 (FNV-1, not 1a) as lowercase hex without leading zeros. */
    static String fnvHash(String input) {
        long h = 0xcbf29ce484222325L;
        for (byte b : input.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h *= 0x100000001b3L;
            h ^= (b & 0xff);
        }
        return Long.toUnsignedString(h, 16);
    }
}
