package io.trafficcop.proxy.tls.acme;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pending ACME HTTP-01 challenges ({@code certificatesResolvers.<name>.acme.httpChallenge}) and the handler that
 * answers them: {@code GET /.well-known/acme-challenge/<token>} gets the key authorization, anything else 404. The
 * integrator mounts {@link #handler()} on the {@code httpChallenge.entryPoint} as Traefik does (a router with rule
 * {@code PathPrefix(`/.well-known/acme-challenge/`)} and the highest priority). Shared by snapshots; thread-safe.
 */
public final class HttpChallengeTokens {

    /** The path prefix of HTTP-01 validation requests. */
    public static final String PATH_PREFIX = "/.well-known/acme-challenge/";

    private final Map<String, String> keyAuthorizations = new ConcurrentHashMap<>();

    public void put(String token, String keyAuthorization) {
        keyAuthorizations.put(token, keyAuthorization);
    }

    public void remove(String token) {
        keyAuthorizations.remove(token);
    }

    /** Whether any challenge is pending (the integrator may mount the router only then; Traefik always does). */
    public boolean isEmpty() {
        return keyAuthorizations.isEmpty();
    }

    /** The key authorization for a request path, or null. */
    public String answer(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PATH_PREFIX)) {
            return null;
        }
        return keyAuthorizations.get(rawPath.substring(PATH_PREFIX.length()));
    }

    /** The HTTP handler answering validation requests. */
    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(Exchange exchange) {
        String answer = answer(exchange.rawPath());
        if (answer == null) {
            exchange.respond(HttpResponseStatus.NOT_FOUND, "404 page not found\n");
        } else {
            exchange.respond(HttpResponseStatus.OK, answer);
        }
    }
}
