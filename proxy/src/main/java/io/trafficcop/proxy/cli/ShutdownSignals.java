package io.trafficcop.proxy.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Runs a graceful stop on SIGTERM or SIGINT, once, on its own thread, so that the process exits 0 after
 * draining as Traefik does (a JVM shutdown hook alone would exit 143).
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    /** Runs {@code rotate} on each SIGUSR1 (Traefik reopens its access log then, for logrotate). */
    static void onLogRotation(Runnable rotate) {
        try {
            Signal.handle(new Signal("USR1"), signal -> rotate.run());
        } catch (IllegalArgumentException e) {
            // the signal is not available on this platform or taken by the VM
        }
    }

    static void onTermination(Runnable stop) {
        AtomicBoolean started = new AtomicBoolean();
        Runnable once = () -> {
            if (started.compareAndSet(false, true)) {
                Thread thread = new Thread(stop, "graceful-shutdown");
                thread.start();
            }
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> once.run());
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform
            }
        }
    }
}
