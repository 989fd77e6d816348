package io.trafficcop.proxy.server;

import io.trafficcop.proxy.runtime.Snapshot;
import java.util.concurrent.atomic.AtomicReference;

/** What every connection of the proxy reads: the current snapshot and whether the proxy is shutting down. */
final class ServerState {

    private final AtomicReference<Snapshot> snapshot;
    private volatile boolean terminating;

    ServerState(Snapshot initial) {
        this.snapshot = new AtomicReference<>(initial);
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    void snapshot(Snapshot value) {
        snapshot.set(value);
    }

    boolean terminating() {
        return terminating;
    }

    void terminating(boolean value) {
        this.terminating = value;
    }
}
