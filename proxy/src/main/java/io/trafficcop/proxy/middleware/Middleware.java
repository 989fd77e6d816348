package io.trafficcop.proxy.middleware;

import io.trafficcop.proxy.http.HttpHandler;

/**
 * A Traefik HTTP middleware ({@code http.middlewares.<name>}) compiled for one snapshot: it wraps the next handler
 * of a router's chain and returns the handler that runs first. The returned handler may
 * <ul>
 *   <li>rewrite the request head in place ({@code exchange.request()}) and call {@code next.handle(exchange)};</li>
 *   <li>answer itself and not call next (short-circuit: {@code exchange.respond(...)});</li>
 *   <li>rewrite the response head or transform its body chunks by registering a
 *       {@link io.trafficcop.proxy.http.ResponseInterceptor} before calling next;</li>
 *   <li>take the request body itself ({@code exchange.consumeRequestBody}) when its configuration asks for it.</li>
 * </ul>
 * {@link #wrap} runs once per snapshot, never per request; the handler it returns is shared by all event loops.
 */
@FunctionalInterface
public interface Middleware {

    HttpHandler wrap(HttpHandler next);
}
