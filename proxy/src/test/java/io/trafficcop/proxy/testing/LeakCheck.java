package io.trafficcop.proxy.testing;

import io.netty.util.ResourceLeakDetector;

/** Sets Netty's leak detection to PARANOID for tests started outside surefire's configuration (IDE runs). */
public final class LeakCheck {

    private LeakCheck() {
    }

    public static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }
}
