package io.trafficcop.proxy.middleware.ratelimit;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.RateLimit;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.ip.SourceExtractor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code rateLimit} middleware (in memory): a token bucket per source ({@code sourceCriterion}, by
 * default the client's remote IP) refilled at {@code average} per {@code period} (default 1s) up to {@code burst}
 * (default 1). A request that would have to wait up to maxDelay is held that long then forwarded (smoothing);
 * beyond, it is refused with 429 "Too Many Requests", {@code Retry-After} (whole seconds, rounded up) and
 * {@code X-Retry-In} (the exact wait, as a Go duration). {@code redis} is not supported: the limit stays local.
 */
public final class RateLimitMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitMiddleware.class);
    static final String TOO_MANY_REQUESTS = "Too Many Requests";

    private final SourceExtractor sources;
    private final SourceBuckets buckets;
    private final NanoClock clock;

    /**
     * The middleware {@code name} (qualified, {@code name@provider}) with its state from {@code registry}, so that
     * an unchanged middleware keeps its buckets across reloads.
     *
     * @throws IllegalArgumentException for a negative period or conflicting sourceCriterion options
     */
    public RateLimitMiddleware(String name, RateLimit config, RateLimitRegistry registry) {
        this(config, registry.buckets(name, config), NanoClock.SYSTEM);
        if (config.redis() != null) {
            LOG.warn("rateLimit middleware {}: redis is not supported, the limit is applied per instance", name);
        }
    }

    /** With explicit state and clock (tests; {@code buckets} must have been built from {@code config}). */
    public RateLimitMiddleware(RateLimit config, SourceBuckets buckets, NanoClock clock) {
        SourceCriterion criterion = config.sourceCriterion();
        try {
            this.sources = SourceExtractor.of(criterion, SourceExtractor.Default.REMOTE_ADDRESS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rateLimit.sourceCriterion: " + e.getMessage(), e);
        }
        this.buckets = buckets;
        this.clock = clock;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            long delay = buckets.reserve(sources.source(exchange), clock.nanoTime());
            if (delay < 0) {
                exchange.respond(HttpResponseStatus.TOO_MANY_REQUESTS, "No bursty traffic allowed\n");
            } else if (delay > buckets.parameters().maxDelayNanos()) {
                refuse(exchange, delay);
            } else if (delay > 0) {
                exchange.context().executor().schedule(() -> {
                    if (!exchange.finished()) {
                        next.handle(exchange);
                    }
                }, delay, TimeUnit.NANOSECONDS);
            } else {
                next.handle(exchange);
            }
        };
    }

    private static void refuse(Exchange exchange, long delayNanos) {
        FullHttpResponse response = TextResponses.of(exchange, HttpResponseStatus.TOO_MANY_REQUESTS,
                TextResponses.SNIFFED_TEXT, TOO_MANY_REQUESTS);
        response.headers().set("Retry-After", retryAfter(delayNanos));
        response.headers().set("X-Retry-In", new GoDuration(Duration.ofNanos(delayNanos)).toString());
        exchange.respond(response);
    }

    /** {@code fmt.Sprintf("%.0f", math.Ceil(delay.Seconds()))}. */
    static String retryAfter(long delayNanos) {
        return Long.toString((delayNanos + 999_999_999L) / 1_000_000_000L);
    }
}
