package io.trafficcop.proxy.middleware.retry;

import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.config.dynamic.Retry;
import io.trafficcop.proxy.http.AttemptStart;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import io.trafficcop.proxy.middleware.Middleware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code retry} middleware: {@code attempts}, {@code initialInterval} (exponential back-off),
 * {@code timeout}, {@code status} (retry on these response codes, for idempotent methods unless
 * {@code retryNonIdempotentMethod}, when the request body fits in {@code maxRequestBodyBytes}) and
 * {@code disableRetryOnNetworkError}. A network error is retried only when the request never reached the backend
 * (the connection failed before the request head was written). The response of an attempt that will be repeated
 * is held back whole (nothing reaches the client); the last attempt's response always goes through.
 *
 * <p>The data plane's own retry (an idempotent bodiless request on a reused connection the backend closed, as Go's
 * transport) happens inside one attempt and does not count as one.
 */
public final class RetryMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RetryMiddleware.class);
    private static final HttpMethod LOCK = HttpMethod.valueOf("LOCK");

    private final String name;
    private final int attempts;
    private final Duration initialInterval;
    private final long timeoutNanos;
    private final long maxRequestBodyBytes;
    private final HttpCodeRanges status;
    private final boolean disableRetryOnNetworkError;
    private final boolean retryNonIdempotentMethod;
    private final LongSupplier nanoClock;

    private RetryMiddleware(String name, Retry config, LongSupplier nanoClock) {
        this.name = name;
        boolean noStatus = config.status() == null || config.status().isEmpty();
        this.disableRetryOnNetworkError = Boolean.TRUE.equals(config.disableRetryOnNetworkError());
        if (noStatus && disableRetryOnNetworkError) {
            throw new IllegalArgumentException("retry middleware requires at least HTTP status codes or retry on TCP");
        }
        int n = config.attempts() == null ? 0 : config.attempts();
        if (n <= 0) {
            throw new IllegalArgumentException("incorrect (or empty) value for attempt (" + n + ")");
        }
        this.attempts = n;
        this.initialInterval = config.initialInterval() == null ? Duration.ZERO : config.initialInterval().value();
        this.timeoutNanos = config.timeout() == null ? 0 : config.timeout().toNanos();
        this.maxRequestBodyBytes = config.maxRequestBodyBytes() == null ? Retry.DEFAULT_MAX_REQUEST_BODY_BYTES
                : config.maxRequestBodyBytes();
        this.status = noStatus ? null : HttpCodeRanges.parse("retry.status", config.status());
        this.retryNonIdempotentMethod = Boolean.TRUE.equals(config.retryNonIdempotentMethod());
        this.nanoClock = nanoClock;
    }

    /** @throws IllegalArgumentException with Traefik's message for a bad attempts/status combination */
    public static RetryMiddleware create(String name, Retry config) {
        return new RetryMiddleware(name, config, System::nanoTime);
    }

    /** As {@link #create(String, Retry)} with the clock {@code timeout} and the back-off measure (tests). */
    public static RetryMiddleware create(String name, Retry config, LongSupplier nanoClock) {
        return new RetryMiddleware(name, config, nanoClock);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        if (attempts == 1) {
            return next;
        }
        return exchange -> start(exchange, next);
    }

    private void start(Exchange exchange, HttpHandler next) {
        HttpMethod method = exchange.request().method();
        boolean idempotent = !HttpMethod.POST.equals(method) && !HttpMethod.PATCH.equals(method)
                && !LOCK.equals(method);
        HttpCodeRanges codes = retryNonIdempotentMethod || idempotent ? status : null;
        if (codes == null || !exchange.hasRequestBody()) {
            new Attempts(exchange, next, codes, null).run();
            return;
        }
        // a status retry resends the body: keep it, up to maxRequestBodyBytes (Traefik's ReusableRequest)
        exchange.consumeRequestBody(new BodyKeeper(exchange, next, codes));
    }

    /** Reads the request body whole when it fits; otherwise gives back what it read and retries on network only. */
    private final class BodyKeeper implements RequestBodyConsumer {

        private final Exchange exchange;
        private final HttpHandler next;
        private final HttpCodeRanges codes;
        private final List<HttpContent> chunks = new ArrayList<>();
        private long size;
        private boolean handedOver;

        BodyKeeper(Exchange exchange, HttpHandler next, HttpCodeRanges codes) {
            this.exchange = exchange;
            this.next = next;
            this.codes = codes;
        }

        @Override
        public void onRequestContent(HttpContent content) {
            if (handedOver) {
                content.release(); // cannot happen: the exchange detaches this consumer when chunks are pushed back
                return;
            }
            chunks.add(content);
            size += content.content().readableBytes();
            if (size > maxRequestBodyBytes) {
                handedOver = true;
                exchange.pushBackRequestBody(chunks);
                new Attempts(exchange, next, null, null).run();
            } else if (content instanceof LastHttpContent last) {
                handedOver = true;
                var whole = exchange.context().alloc().compositeBuffer(Math.max(2, chunks.size()));
                for (HttpContent c : chunks) {
                    whole.addComponent(true, c.content().retain());
                }
                DefaultLastHttpContent body = new DefaultLastHttpContent(whole);
                body.trailingHeaders().set(last.trailingHeaders());
                chunks.forEach(HttpContent::release);
                new Attempts(exchange, next, codes, body).run();
            }
        }

        @Override
        public void flushRequestBody() {
        }

        @Override
        public boolean isWritable() {
            return !handedOver;
        }
    }

    /** The attempts of one request: restores the request head, replays the body and holds back what is retried. */
    private final class Attempts implements Exchange.ResponseGate, Runnable {

        private final Exchange exchange;
        private final HttpHandler next;
        private final HttpCodeRanges codes;
        private final LastHttpContent body;
        private final long start;
        private final ExponentialBackoff backoff;
        private final AttemptStart initial;
        private int attempt;

        Attempts(Exchange exchange, HttpHandler next, HttpCodeRanges codes, LastHttpContent body) {
            this.exchange = exchange;
            this.next = next;
            this.codes = codes;
            this.body = body;
            this.start = nanoClock.getAsLong();
            this.backoff = new ExponentialBackoff(attempts, initialInterval,
                    () -> ThreadLocalRandom.current().nextDouble(), start);
            this.initial = AttemptStart.of(exchange);
            if (body != null) {
                exchange.addCompletionListener(body::release);
            }
        }

        @Override
        public void run() {
            if (exchange.finished()) {
                return;
            }
            attempt++;
            if (attempt > 1) {
                initial.restore(exchange);
                LOG.debug("middleware {}: new attempt {} for request: {}", name, attempt, initial.uri());
            }
            if (body != null) {
                DefaultLastHttpContent copy = new DefaultLastHttpContent(body.content().retainedDuplicate());
                copy.trailingHeaders().set(body.trailingHeaders());
                exchange.replayRequestBody(copy);
            }
            if (attempt < attempts) {
                exchange.addResponseGate(this);
            }
            next.handle(exchange);
        }

        @Override
        public boolean admit(HttpResponse head) {
            boolean timedOut = timeoutNanos > 0 && nanoClock.getAsLong() - start >= timeoutNanos;
            if (timedOut) {
                return true;
            }
            if (!disableRetryOnNetworkError && exchange.upstreamReached() && !exchange.upstreamRequestWritten()) {
                return false;
            }
            return codes == null || !codes.contains(head.status().code());
        }

        @Override
        public void discarded() {
            long wait = backoff.next(nanoClock.getAsLong());
            var loop = exchange.channel().eventLoop();
            if (wait == ExponentialBackoff.STOP) {
                attempt = attempts - 1; // the series is over: the next attempt is the last and goes through
                wait = 0;
            }
            // never re-enter the proxy from inside the attempt that just ended
            if (wait <= 0) {
                loop.execute(this);
            } else {
                loop.schedule(this, wait, TimeUnit.NANOSECONDS);
            }
        }
    }
}
