package io.trafficcop.proxy.middleware.ratelimit;

/**
 * One source's token bucket with the semantics of Go's {@code golang.org/x/time/rate.Limiter} as Traefik uses it
 * ({@code Reserve}, {@code Delay}, {@code Cancel}): tokens refill continuously at {@code limit} per second up to
 * {@code burst}; a reservation always succeeds (n=1 &lt;= burst) and may lie in the future, which is the delay the
 * request would wait. Times are nanoseconds of a monotonic clock. Not thread-safe: callers synchronize.
 */
final class TokenBucket {

    /** Go's rate.Inf: no limit. */
    static final double INFINITE = Double.POSITIVE_INFINITY;
    /** Go's InfDuration (math.MaxInt64 nanoseconds). */
    static final long INFINITE_DURATION = Long.MAX_VALUE;
    private static final long NEVER = Long.MIN_VALUE;

    /** The outcome of {@link #reserve}: whether it was granted and when the request may proceed. */
    record Reservation(boolean ok, int tokens, long timeToAct, double limit) {

        /** Go's {@code DelayFrom}: how long after {@code now} the request may proceed (0 when already due). */
        long delayFrom(long now) {
            if (!ok) {
                return INFINITE_DURATION;
            }
            if (limit == INFINITE) {
                return 0;
            }
            long delay = timeToAct - now;
            return Math.max(0, delay);
        }
    }

    private final double limit;
    private final int burst;
    private double tokens;
    private long last = NEVER;
    private long lastEvent = NEVER;

    TokenBucket(double limit, int burst) {
        this.limit = limit;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Go's {@code ReserveN(now, 1)} with no maximum wait. */
    Reservation reserve(long now) {
        int n = 1;
        if (limit == INFINITE) {
            return new Reservation(true, n, now, limit);
        }
        double available = advance(now) - n;
        long wait = available < 0 ? durationFromTokens(-available) : 0;
        boolean ok = n <= burst;
        if (!ok) {
            return new Reservation(false, 0, 0, limit);
        }
        long timeToAct = saturatedAdd(now, wait);
        last = now;
        tokens = available;
        lastEvent = timeToAct;
        return new Reservation(true, n, timeToAct, limit);
    }

    /** Go's {@code Reservation.CancelAt}: gives back the tokens of a reservation that will not be used. */
    void cancel(Reservation r, long now) {
        if (!r.ok() || limit == INFINITE || r.tokens() == 0 || r.timeToAct() < now) {
            return;
        }
        double restore = r.tokens() - tokensFromDuration(lastEvent - r.timeToAct());
        if (restore <= 0) {
            return;
        }
        double refreshed = advance(now) + restore;
        if (refreshed > burst) {
            refreshed = burst;
        }
        last = now;
        tokens = refreshed;
        if (r.timeToAct() == lastEvent) {
            long previousEvent = r.timeToAct() + durationFromTokens(-r.tokens());
            if (previousEvent >= now) {
                lastEvent = previousEvent;
            }
        }
    }

    /** Go's {@code advance}: the tokens available at {@code now}, not stored. */
    private double advance(long now) {
        long from = last == NEVER ? NEVER : Math.min(last, now);
        double delta = from == NEVER ? INFINITE : tokensFromDuration(now - from);
        double available = tokens + delta;
        return Math.min(available, burst);
    }

    private long durationFromTokens(double count) {
        if (limit <= 0) {
            return INFINITE_DURATION;
        }
        double nanos = count / limit * 1e9;
        if (nanos > (double) Long.MAX_VALUE) {
            return INFINITE_DURATION;
        }
        return (long) nanos; // Go's time.Duration(float64) truncates toward zero
    }

    private double tokensFromDuration(long nanos) {
        if (limit <= 0) {
            return 0;
        }
        // Go's Duration.Seconds(): whole seconds plus the fraction, to keep precision on long durations
        double seconds = (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
        return seconds * limit;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
