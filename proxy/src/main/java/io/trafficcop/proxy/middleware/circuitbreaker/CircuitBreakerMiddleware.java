package io.trafficcop.proxy.middleware.circuitbreaker;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.CircuitBreaker;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code circuitBreaker} middleware (vulcand/oxy cbreaker): while {@code expression} is false the circuit
 * is closed (standby) and every request goes to the service, its status and latency recorded; the expression is
 * evaluated at most every {@code checkPeriod} (default 100 ms) after a response. When it holds the circuit opens
 * (tripped): for {@code fallbackDuration} (default 10 s) requests are answered {@code responseCode} (default 503)
 * with its status text. Then it recovers for {@code recoveryDuration} (default 10 s), letting a linearly growing
 * share of requests through (tripping again if the expression holds), and closes.
 *
 * <p>One breaker (state and metrics) per middleware instance, shared by every router that uses it.
 */
public final class CircuitBreakerMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakerMiddleware.class);

    enum State { STANDBY, TRIPPED, RECOVERING }

    private final String name;
    private final BreakerExpression.Condition condition;
    private final long checkPeriod;
    private final long fallbackDuration;
    private final long recoveryDuration;
    private final HttpResponseStatus responseCode;
    private final LongSupplier clock;
    private final BreakerMetrics metrics = new BreakerMetrics();

    // guarded by this
    private State state = State.STANDBY;
    private long until;
    private long lastCheck;
    private long recoveryStart;
    private long allowed;
    private long denied;

    private CircuitBreakerMiddleware(String name, CircuitBreaker config, LongSupplier clock) {
        this.name = name;
        this.condition = BreakerExpression.parse(config.expression());
        this.checkPeriod = positive(config.checkPeriod() == null ? 0 : config.checkPeriod().toNanos(),
                CircuitBreaker.DEFAULT_CHECK_PERIOD.toNanos());
        this.fallbackDuration = positive(config.fallbackDuration() == null ? 0 : config.fallbackDuration().toNanos(),
                CircuitBreaker.DEFAULT_FALLBACK_DURATION.toNanos());
        this.recoveryDuration = positive(config.recoveryDuration() == null ? 0 : config.recoveryDuration().toNanos(),
                CircuitBreaker.DEFAULT_RECOVERY_DURATION.toNanos());
        int code = config.responseCode() == null ? CircuitBreaker.DEFAULT_RESPONSE_CODE : config.responseCode();
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("invalid circuitBreaker.responseCode " + code);
        }
        this.responseCode = HttpResponseStatus.valueOf(code);
        this.clock = clock;
        this.lastCheck = clock.getAsLong();
    }

    private static long positive(long value, long fallback) {
        return value > 0 ? value : fallback; // Traefik applies a duration only when it is > 0
    }

    /** @throws IllegalArgumentException naming the expression when it does not parse */
    public static CircuitBreakerMiddleware create(String name, CircuitBreaker config) {
        return new CircuitBreakerMiddleware(name, config, System::nanoTime);
    }

    /** As {@link #create(String, CircuitBreaker)} with a nanosecond clock (tests). */
    public static CircuitBreakerMiddleware create(String name, CircuitBreaker config, LongSupplier nanoClock) {
        return new CircuitBreakerMiddleware(name, config, nanoClock);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (activateFallback()) {
                exchange.respond(responseCode, io.trafficcop.proxy.middleware.GoStatusText.of(responseCode.code()));
                return;
            }
            long start = clock.getAsLong();
            exchange.addCompletionListener(() -> completed(exchange, start));
            next.handle(exchange);
        };
    }

    private void completed(Exchange exchange, long start) {
        recordForTest(exchange.status() == 0 ? 200 : exchange.status(), start);
    }

    /** Records one response that started at {@code start} and ended now, then checks the condition. */
    void recordForTest(int status, long start) {
        long now = clock.getAsLong();
        synchronized (this) {
            metrics.advance(now);
            metrics.record(status, now - start);
            checkAndSet(now);
        }
    }

    /** Whether this request gets the fallback answer (oxy's activateFallback). */
    synchronized boolean activateFallback() {
        long now = clock.getAsLong();
        switch (state) {
            case STANDBY:
                return false;
            case TRIPPED:
                if (now - until < 0) {
                    return true;
                }
                setState(State.RECOVERING, now + recoveryDuration, now);
                recoveryStart = now;
                allowed = 0;
                denied = 0;
                // fall through to recovering
            default:
                if (now - until > 0) {
                    setState(State.STANDBY, now, now);
                    return false;
                }
                return !allowRequest(now);
        }
    }

    /** oxy's ratioController: lets through a share of requests that grows linearly over the recovery. */
    private boolean allowRequest(long now) {
        double target = 0.5 * ((double) (now - recoveryStart) / recoveryDuration);
        double ratio = (double) (allowed + 1) / (allowed + 1 + denied);
        if (ratio < target) {
            allowed++;
            return true;
        }
        denied++;
        return false;
    }

    private void checkAndSet(long now) {
        if (now - lastCheck < 0) {
            return;
        }
        lastCheck = now + checkPeriod;
        if (state == State.TRIPPED) {
            return;
        }
        metrics.advance(now);
        if (!condition.test(metrics)) {
            return;
        }
        setState(State.TRIPPED, now + fallbackDuration, now);
        metrics.reset();
    }

    private void setState(State value, long until, long now) {
        if (state != value) {
            LOG.debug("middleware {}: circuit breaker {} -> {}", name, state, value);
        }
        this.state = value;
        this.until = until;
    }

    synchronized State state() {
        return state;
    }
}
