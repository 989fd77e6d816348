package io.trafficcop.proxy.middleware.digestauth;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.trafficcop.proxy.config.dynamic.DigestAuth;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.auth.AuthUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Traefik's {@code digestAuth} middleware (RFC 7616 with MD5 and qop=auth, as go-http-auth): {@code users} /
 * {@code usersFile} in htdigest form ({@code user:realm:HA1}), {@code realm}, {@code headerField},
 * {@code removeHeader}. The challenge carries a fresh nonce and this middleware's opaque value; a valid response
 * whose nonce count does not grow is answered with a new challenge marked {@code stale=true}.
 */
public final class DigestAuthMiddleware implements Middleware {

    static final String UNAUTHORIZED_BODY = "401 Unauthorized\n";

    private final Map<String, String> users; // "user:realm" -> HA1
    private final String realm;
    private final String opaque;
    private final String headerField;
    private final boolean removeHeader;
    private final DigestNonces nonces;

    /**
     * @throws IllegalArgumentException for a malformed user line or an unreadable usersFile
     */
    public DigestAuthMiddleware(DigestAuth config) {
        this(config, System::nanoTime);
    }

    DigestAuthMiddleware(DigestAuth config, LongSupplier nanoClock) {
        this.users = Map.copyOf(AuthUsers.load("digestAuth", config.usersFile(), config.users(),
                DigestAuthMiddleware::parseUser));
        this.realm = config.realm() == null || config.realm().isEmpty() ? DigestAuth.DEFAULT_REALM : config.realm();
        this.opaque = DigestNonces.randomKey();
        this.headerField = config.headerField() == null || config.headerField().isEmpty() ? null
                : config.headerField();
        this.removeHeader = Boolean.TRUE.equals(config.removeHeader());
        this.nonces = new DigestNonces(nanoClock);
    }

    private static Map.Entry<String, String> parseUser(String line) {
        String[] parts = line.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("digestAuth: error parsing DigestUser: " + line);
        }
        return Map.entry(parts[0] + ":" + parts[1], parts[2]);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            Map<String, String> auth = DigestParams.parse(
                    exchange.request().headers().get(HttpHeaderNames.AUTHORIZATION));
            Outcome outcome = check(exchange, auth);
            if (outcome != Outcome.AUTHENTICATED) {
                requireAuth(exchange, outcome == Outcome.STALE);
                return;
            }
            exchange.clientUsername(auth.get("username"));
            var headers = exchange.request().headers();
            if (headerField != null) {
                headers.set(headerField, auth.get("username"));
            }
            if (removeHeader) {
                headers.remove(HttpHeaderNames.AUTHORIZATION);
            }
            next.handle(exchange);
        };
    }

    private enum Outcome { AUTHENTICATED, FAILED, STALE }

    private Outcome check(Exchange exchange, Map<String, String> auth) {
        if (auth == null) {
            return Outcome.FAILED;
        }
        auth.putIfAbsent("algorithm", "MD5"); // clients that omit it mean MD5
        if (!opaque.equals(auth.get("opaque")) || !"MD5".equals(auth.get("algorithm"))
                || !"auth".equals(auth.get("qop"))) {
            return Outcome.FAILED;
        }
        String uri = auth.getOrDefault("uri", "");
        String requestUri = exchange.request().uri();
        if (!requestUri.equals(uri)) {
            // go-http-auth also accepts a uri whose path is a prefix of the request's path
            String authPath = new QueryStringDecoder(uri).path();
            String requestPath = new QueryStringDecoder(requestUri).path();
            if (authPath.length() > requestPath.length() || !requestPath.startsWith(authPath)) {
                return Outcome.FAILED;
            }
        }
        String ha1 = users.getOrDefault(auth.getOrDefault("username", "") + ":" + realm, "");
        String ha2 = md5(exchange.request().method().name() + ":" + uri);
        String expected = md5(ha1 + ":" + auth.getOrDefault("nonce", "") + ":" + auth.getOrDefault("nc", "") + ":"
                + auth.getOrDefault("cnonce", "") + ":" + auth.get("qop") + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                auth.getOrDefault("response", "").getBytes(StandardCharsets.UTF_8))) {
            return Outcome.FAILED;
        }
        long nc;
        try {
            nc = Long.parseUnsignedLong(auth.getOrDefault("nc", ""), 16);
        } catch (NumberFormatException e) {
            return Outcome.FAILED;
        }
        return switch (nonces.use(auth.getOrDefault("nonce", ""), nc)) {
            case ACCEPTED -> Outcome.AUTHENTICATED;
            case REPLAYED -> Outcome.STALE;
            case UNKNOWN_NONCE -> Outcome.FAILED;
        };
    }

    private void requireAuth(Exchange exchange, boolean stale) {
        String header = "Digest realm=\"" + realm + "\", nonce=\"" + nonces.issue() + "\", opaque=\"" + opaque
                + "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : "");
        FullHttpResponse response = TextResponses.of(exchange, HttpResponseStatus.UNAUTHORIZED, "text/plain",
                UNAUTHORIZED_BODY);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, header);
        exchange.respond(response);
    }

    private static String md5(String text) {
        return DigestUtils.md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
