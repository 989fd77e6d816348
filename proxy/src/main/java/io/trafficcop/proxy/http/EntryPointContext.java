package io.trafficcop.proxy.http;

import io.trafficcop.proxy.runtime.EntryPointSettings;

/**
 * What an exchange knows about the entry point that accepted it: its settings, its compiled forwarded-headers
 * policy and the proxy's hostname (X-Forwarded-Server). One per entry point, shared by its connections.
 */
public final class EntryPointContext {

    private final EntryPointSettings settings;
    private final ForwardedHeaders forwardedHeaders;
    private final ExchangeObserver observer;

    public EntryPointContext(EntryPointSettings settings, String hostname) {
        this(settings, hostname, ExchangeObserver.NONE);
    }

    /** @param observer sees each exchange as it starts (the access log); never null */
    public EntryPointContext(EntryPointSettings settings, String hostname, ExchangeObserver observer) {
        this.settings = settings;
        this.forwardedHeaders = new ForwardedHeaders(settings.forwardedHeaders(), hostname);
        this.observer = observer == null ? ExchangeObserver.NONE : observer;
    }

    /** What sees each exchange of this entry point as it starts. */
    public ExchangeObserver observer() {
        return observer;
    }

    public String name() {
        return settings.name();
    }

    public EntryPointSettings settings() {
        return settings;
    }

    public ForwardedHeaders forwardedHeaders() {
        return forwardedHeaders;
    }
}
