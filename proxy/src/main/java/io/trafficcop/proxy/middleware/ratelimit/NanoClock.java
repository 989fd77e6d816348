package io.trafficcop.proxy.middleware.ratelimit;

/** A monotonic nanosecond clock, injectable so that rate-limit tests never depend on real time. */
@FunctionalInterface
public interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
