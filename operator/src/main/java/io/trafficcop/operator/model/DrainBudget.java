package io.trafficcop.operator.model;

import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import io.trafficcop.proxy.config.GoDuration;
import java.time.Duration;

/**
 * The time a terminating pod needs: {@code drain.timeout} of preStop (still serving while endpoints and load
 * balancers let go of it), then the slowest entry point's {@code transport.lifeCycle}
 * (requestAcceptGraceTimeout, during which /ping answers terminatingStatusCode, then graceTimeOut for in-flight
 * requests), then a margin for the JVM to exit. terminationGracePeriodSeconds is that total, rounded up.
 */
public record DrainBudget(Duration preStop, Duration shutdown, Duration margin) {

    public static DrainBudget of(TrafficCopSpec spec, StaticConfig config) {
        Duration preStop = spec.drain == null || spec.drain.timeout == null
                ? Defaults.DRAIN_TIMEOUT
                : GoDuration.parse(spec.drain.timeout).value();
        return new DrainBudget(preStop, config.longestShutdownBudget(), Defaults.SHUTDOWN_MARGIN);
    }

    public Duration total() {
        return preStop.plus(shutdown).plus(margin);
    }

    /** {@link #total()} in whole seconds, rounded up. */
    public long terminationGracePeriodSeconds() {
        return ceilSeconds(total());
    }

    /** The preStop sleep in whole seconds (the sleep action's unit), rounded up; 0 means no hook. */
    public long preStopSeconds() {
        return ceilSeconds(preStop);
    }

    static long ceilSeconds(Duration d) {
        long s = d.getSeconds();
        return d.getNano() > 0 ? s + 1 : s;
    }
}
