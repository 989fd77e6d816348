package io.trafficcop.proxy.middleware.basicauth;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.BasicAuth;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.auth.AuthUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Traefik's {@code basicAuth} middleware: {@code users} / {@code usersFile} in htpasswd form (bcrypt, apr1/MD5
 * crypt, {@code {SHA}}), {@code realm}, {@code headerField} (the authenticated user forwarded in that header) and
 * {@code removeHeader} (Authorization not forwarded). A request without valid credentials gets Traefik's 401
 * ({@code WWW-Authenticate: Basic realm="..."}, body "401 Unauthorized\n").
 *
 * <p>bcrypt costs milliseconds, so bcrypt checks run on {@code hashExecutor} and the request resumes on its event
 * loop; identical concurrent checks are computed once (Traefik's singleflight). An unknown user is still checked
 * against a known hash so that timing does not reveal which users exist.
 */
public final class BasicAuthMiddleware implements Middleware {

    /** The pool bcrypt checks run on by default: small, daemon threads, shared by all basicAuth middlewares. */
    private static final Executor DEFAULT_HASH_EXECUTOR = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Thread.ofPlatform().name("basicauth-bcrypt-", 0).daemon(true).factory());

    static final String UNAUTHORIZED_BODY = "401 Unauthorized\n";

    private final Map<String, String> users;
    private final String notFoundSecret;
    private final String challenge;
    private final String headerField;
    private final boolean removeHeader;
    private final Executor hashExecutor;
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlightChecks = new ConcurrentHashMap<>();

    /** Builds the middleware; bcrypt checks run on a shared pool. */
    public BasicAuthMiddleware(BasicAuth config) {
        this(config, DEFAULT_HASH_EXECUTOR);
    }

    /**
     * @param hashExecutor where bcrypt checks run ({@code Runnable::run} runs them inline)
     * @throws IllegalArgumentException for a malformed user line, an unreadable usersFile or no users at all
     */
    public BasicAuthMiddleware(BasicAuth config, Executor hashExecutor) {
        Map<String, String> loaded = AuthUsers.load("basicAuth", config.usersFile(), config.users(),
                BasicAuthMiddleware::parseUser);
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("basicAuth: no users found in "
                    + (config.usersFile() == null ? "" : config.usersFile()));
        }
        // Traefik picks "the first" hash (in Go's random map order) to check unknown users against
        this.notFoundSecret = loaded.values().iterator().next();
        this.users = Map.copyOf(loaded);
        String realm = config.realm() == null || config.realm().isEmpty() ? BasicAuth.DEFAULT_REALM : config.realm();
        this.challenge = "Basic realm=\"" + realm + "\"";
        this.headerField = config.headerField() == null || config.headerField().isEmpty() ? null
                : config.headerField();
        this.removeHeader = Boolean.TRUE.equals(config.removeHeader());
        this.hashExecutor = hashExecutor;
    }

    private static Map.Entry<String, String> parseUser(String line) {
        String[] parts = line.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("basicAuth: error parsing BasicUser: " + line);
        }
        return Map.entry(parts[0], parts[1]);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> authenticate(exchange, next);
    }

    private void authenticate(Exchange exchange, HttpHandler next) {
        String[] credentials = basicCredentials(exchange.request().headers().get(HttpHeaderNames.AUTHORIZATION));
        if (credentials == null) {
            requireAuth(exchange);
            return;
        }
        String user = credentials[0];
        String password = credentials[1];
        String secret = users.get(user);
        boolean known = secret != null;
        String checked = known ? secret : notFoundSecret;
        if (!PasswordHashes.isExpensive(checked)) {
            boolean match = PasswordHashes.matches(password, checked);
            proceed(exchange, next, user, known && match);
            return;
        }
        String key = password + checked;
        CompletableFuture<Boolean> check = inFlightChecks.computeIfAbsent(key, k -> {
            CompletableFuture<Boolean> future = CompletableFuture.supplyAsync(
                    () -> PasswordHashes.matches(password, checked), hashExecutor);
            future.whenComplete((r, e) -> inFlightChecks.remove(k));
            return future;
        });
        check.whenComplete((match, error) -> {
            boolean ok = known && error == null && Boolean.TRUE.equals(match);
            if (exchange.context().executor().inEventLoop()) {
                proceed(exchange, next, user, ok);
            } else {
                exchange.context().executor().execute(() -> proceed(exchange, next, user, ok));
            }
        });
    }

    private void proceed(Exchange exchange, HttpHandler next, String user, boolean authenticated) {
        if (exchange.finished()) {
            return; // the client went away while the hash was checked
        }
        if (!authenticated) {
            requireAuth(exchange);
            return;
        }
        exchange.clientUsername(user);
        var headers = exchange.request().headers();
        if (headerField != null) {
            headers.set(headerField, user);
        }
        if (removeHeader) {
            headers.remove(HttpHeaderNames.AUTHORIZATION);
        }
        next.handle(exchange);
    }

    private void requireAuth(Exchange exchange) {
        FullHttpResponse response = TextResponses.of(exchange, HttpResponseStatus.UNAUTHORIZED, "text/plain",
                UNAUTHORIZED_BODY);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        exchange.respond(response);
    }

    /** Go's {@code Request.BasicAuth}: "Basic " (any case) + standard base64 of "user:password"; null otherwise. */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
