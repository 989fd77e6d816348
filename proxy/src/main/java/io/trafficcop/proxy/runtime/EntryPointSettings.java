package io.trafficcop.proxy.runtime;

import java.time.Duration;

/**
 * One Traefik {@code entryPoints.<name>} as the data plane needs it: {@code address} (":8080", "127.0.0.1:8080",
 * "[::]:8080", "0.0.0.0:0"), {@code transport.respondingTimeouts}, {@code transport.keepAliveMaxRequests},
 * {@code transport.keepAliveMaxTime}, {@code transport.lifeCycle}, {@code http2.maxConcurrentStreams} and
 * {@code forwardedHeaders}. Zero for keepAliveMaxRequests / keepAliveMaxTime means unlimited (Traefik's default).
 */
public record EntryPointSettings(
        String name,
        String address,
        RespondingTimeouts respondingTimeouts,
        int keepAliveMaxRequests,
        Duration keepAliveMaxTime,
        LifeCycleSettings lifeCycle,
        int http2MaxConcurrentStreams,
        ForwardedHeadersSettings forwardedHeaders) {

    /** Traefik's default {@code http2.maxConcurrentStreams}. */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 250;

    public EntryPointSettings {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("entry point name is required");
        }
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("entry point " + name + ": address is required");
        }
        respondingTimeouts = respondingTimeouts == null ? RespondingTimeouts.DEFAULTS : respondingTimeouts;
        keepAliveMaxTime = keepAliveMaxTime == null ? Duration.ZERO : keepAliveMaxTime;
        lifeCycle = lifeCycle == null ? LifeCycleSettings.DEFAULTS : lifeCycle;
        http2MaxConcurrentStreams = http2MaxConcurrentStreams <= 0 ? DEFAULT_MAX_CONCURRENT_STREAMS : http2MaxConcurrentStreams;
        forwardedHeaders = forwardedHeaders == null ? ForwardedHeadersSettings.DEFAULTS : forwardedHeaders;
    }

    /** An entry point with Traefik's defaults for everything but its name and address. */
    public static EntryPointSettings of(String name, String address) {
        return new EntryPointSettings(name, address, null, 0, null, null, 0, null);
    }

    public EntryPointSettings withRespondingTimeouts(RespondingTimeouts value) {
        return new EntryPointSettings(name, address, value, keepAliveMaxRequests, keepAliveMaxTime, lifeCycle,
                http2MaxConcurrentStreams, forwardedHeaders);
    }

    public EntryPointSettings withKeepAlive(int maxRequests, Duration maxTime) {
        return new EntryPointSettings(name, address, respondingTimeouts, maxRequests, maxTime, lifeCycle,
                http2MaxConcurrentStreams, forwardedHeaders);
    }

    public EntryPointSettings withLifeCycle(LifeCycleSettings value) {
        return new EntryPointSettings(name, address, respondingTimeouts, keepAliveMaxRequests, keepAliveMaxTime, value,
                http2MaxConcurrentStreams, forwardedHeaders);
    }

    public EntryPointSettings withHttp2MaxConcurrentStreams(int value) {
        return new EntryPointSettings(name, address, respondingTimeouts, keepAliveMaxRequests, keepAliveMaxTime,
                lifeCycle, value, forwardedHeaders);
    }

    public EntryPointSettings withForwardedHeaders(ForwardedHeadersSettings value) {
        return new EntryPointSettings(name, address, respondingTimeouts, keepAliveMaxRequests, keepAliveMaxTime,
                lifeCycle, http2MaxConcurrentStreams, value);
    }
}
