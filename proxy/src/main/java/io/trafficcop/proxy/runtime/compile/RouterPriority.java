package io.trafficcop.proxy.runtime.compile;

/**
 * Traefik's router priorities are Go ints (64-bit); the route table's are Java ints. Values in int range
 * are kept; larger ones — Traefik's internal routers use MaxInt (ping) and MaxInt-1 (entry point
 * redirections) — map onto the top of the int range keeping their order and distance to MaxInt.
 */
final class RouterPriority {

    private RouterPriority() {
    }

    static int toTable(long priority) {
        if (priority <= Integer.MAX_VALUE && priority >= Integer.MIN_VALUE) {
            return (int) priority;
        }
        if (priority < 0) {
            return Integer.MIN_VALUE;
        }
        long belowMax = Long.MAX_VALUE - priority;
        return Integer.MAX_VALUE - (int) Math.min(belowMax, 1000);
    }
}
