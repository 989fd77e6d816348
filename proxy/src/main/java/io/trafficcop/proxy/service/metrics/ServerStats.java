package io.trafficcop.proxy.service.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live numbers of one server of one service (Traefik's {@code traefik_service_server_up} and the per-service request
 * metrics, plus what load-balancing strategies read): requests, in-flight requests, latency, responses by class,
 * health state, and the time-to-first-byte ring of the {@code leasttime} strategy (Traefik's last 100 samples, in
 * whole milliseconds). Thread-safe; kept across reloads by {@link ServiceMetrics} so counters never go back.
 */
public final class ServerStats {

    /** Traefik's leasttime sample size. */
    public static final int TTFB_SAMPLES = 100;

    private final String url;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors5xx = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicLong inflight = new AtomicLong();
    private volatile boolean up = true;

    /** Allocated on the first sample: only leasttime records any (800 bytes per server otherwise unused). */
    private double[] ttfb;
    private int ttfbIndex;
    private int ttfbCount;
    private double ttfbSum;

    public ServerStats(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** A request starts on this server. */
    public void begin() {
        inflight.incrementAndGet();
    }

    /** A request ended with {@code status} after {@code nanos}. */
    public void end(int status, long nanos) {
        inflight.decrementAndGet();
        requests.increment();
        latencyNanos.add(nanos);
        if (status >= 500) {
            errors5xx.increment();
        }
    }

    /** Records a time to first byte (leasttime), truncated to whole milliseconds as Traefik's. */
    public synchronized void recordTimeToFirstByte(long nanos) {
        double ms = nanos / 1_000_000L;
        if (ttfb == null) {
            ttfb = new double[TTFB_SAMPLES];
        }
        if (ttfbCount < TTFB_SAMPLES) {
            ttfb[ttfbIndex] = ms;
            ttfbSum += ms;
            ttfbCount++;
        } else {
            ttfbSum = ttfbSum - ttfb[ttfbIndex] + ms;
            ttfb[ttfbIndex] = ms;
        }
        ttfbIndex = (ttfbIndex + 1) % TTFB_SAMPLES;
    }

    /** How many times to first byte the ring holds (at most {@link #TTFB_SAMPLES}). */
    public synchronized int timeToFirstByteSamples() {
        return ttfbCount;
    }

    /** The mean of the recorded times to first byte in milliseconds, 0 before any. */
    public synchronized double averageTimeToFirstByteMillis() {
        return ttfbCount == 0 ? 0 : ttfbSum / ttfbCount;
    }

    public long inflight() {
        return inflight.get();
    }

    public long requests() {
        return requests.sum();
    }

    public long serverErrors() {
        return errors5xx.sum();
    }

    public long totalLatencyNanos() {
        return latencyNanos.sum();
    }

    /** The health state (Traefik's server up gauge: 1 up, 0 down). */
    public boolean up() {
        return up;
    }

    public void up(boolean value) {
        this.up = value;
    }
}
