package io.trafficcop.proxy.middleware.inflightreq;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.config.dynamic.InFlightReq;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.ip.SourceExtractor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traefik's {@code inFlightReq} middleware (oxy's connlimit): at most {@code amount} requests of one source
 * ({@code sourceCriterion}, by default the request's Host header) are in progress at once; one more is refused
 * with 429 and the body "max connections reached: &lt;amount&gt;". A request stops counting when its response has
 * been written in full or its client connection closed (a WebSocket counts until it ends).
 */
public final class InFlightReqMiddleware implements Middleware {

    private final long amount;
    private final SourceExtractor sources;
    private final ConcurrentHashMap<String, Long> inFlight = new ConcurrentHashMap<>();
    private final String refusal;

    /** @throws IllegalArgumentException for conflicting sourceCriterion options or a bad ipStrategy */
    public InFlightReqMiddleware(InFlightReq config) {
        this.amount = config.amount() == null ? 0 : config.amount();
        try {
            this.sources = SourceExtractor.of(config.sourceCriterion(), SourceExtractor.Default.REQUEST_HOST);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inFlightReq.sourceCriterion: error creating requests limiter: "
                    + e.getMessage(), e);
        }
        this.refusal = "max connections reached: " + amount;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            String source = sources.source(exchange);
            if (!acquire(source)) {
                TextResponses.written(exchange, HttpResponseStatus.TOO_MANY_REQUESTS, refusal);
                return;
            }
            Release release = new Release(source);
            exchange.addResponseInterceptor(release);
            exchange.channel().closeFuture().addListener(release);
            next.handle(exchange);
        };
    }

    /** The number of requests of {@code source} in progress (for tests and diagnostics). */
    public long inFlight(String source) {
        return inFlight.getOrDefault(source, 0L);
    }

    private boolean acquire(String source) {
        boolean[] acquired = new boolean[1];
        inFlight.compute(source, (k, count) -> {
            long current = count == null ? 0 : count;
            if (current >= amount) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    private void release(String source) {
        inFlight.computeIfPresent(source, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Gives the slot back once: at the end of the response, or when the client connection closes. */
    private final class Release implements ResponseInterceptor, ChannelFutureListener {
        private final String source;
        private boolean released;
        private Exchange exchange;

        Release(String source) {
            this.source = source;
        }

        @Override
        public void onResponseHead(Exchange ex, HttpResponse response) {
            this.exchange = ex;
            if (response instanceof LastHttpContent && response.status().code() != 101) {
                // a complete response is written right after its head: released once it is on its way
                ex.context().executor().execute(this::releaseOnce);
            }
        }

        @Override
        public HttpContent onResponseContent(Exchange ex, HttpContent content) {
            if (content instanceof LastHttpContent) {
                ex.context().executor().execute(this::releaseOnce);
            }
            return content;
        }

        @Override
        public void operationComplete(ChannelFuture future) {
            releaseOnce();
        }

        private synchronized void releaseOnce() {
            if (released) {
                return;
            }
            released = true;
            release(source);
            if (exchange != null) {
                exchange.channel().closeFuture().removeListener(this);
            }
        }
    }
}
