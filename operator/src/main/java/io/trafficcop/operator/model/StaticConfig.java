package io.trafficcop.operator.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator needs to know from a Traefik static configuration: the entry points (for container and
 * Service ports and for the drain budget), the ping endpoint (for the probes) and the file provider (where the
 * dynamic configuration must be mounted).
 *
 * @param entryPoints {@code entryPoints}, with Traefik's implicit ones ({@code http} on :80 when none is
 *     declared, {@code traefik} on :8080 when ping uses it) added, in declaration order
 * @param ping {@code ping}, empty when ping is not enabled
 * @param fileProvider {@code providers.file}, empty when the file provider is not enabled
 */
public record StaticConfig(Map<String, EntryPoint> entryPoints, Optional<Ping> ping,
                           Optional<FileProvider> fileProvider) {

    public StaticConfig {
        entryPoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entryPoints));
    }

    /**
     * {@code entryPoints.<name>}: its port and protocol from {@code address}, and {@code transport.lifeCycle}.
     *
     * @param requestAcceptGraceTimeout {@code transport.lifeCycle.requestAcceptGraceTimeout} (Traefik default 0)
     * @param graceTimeOut {@code transport.lifeCycle.graceTimeOut} (Traefik default 10s)
     * @param http3 {@code http3} is enabled: the entry point also listens on UDP, same port
     */
    public record EntryPoint(String name, int port, String protocol, Duration requestAcceptGraceTimeout,
                             Duration graceTimeOut, boolean http3) {

        public EntryPoint(String name, int port, String protocol, Duration requestAcceptGraceTimeout,
                          Duration graceTimeOut) {
            this(name, port, protocol, requestAcceptGraceTimeout, graceTimeOut, false);
        }

        /** How long this entry point takes, at most, to shut down after SIGTERM. */
        public Duration shutdownBudget() {
            return requestAcceptGraceTimeout.plus(graceTimeOut);
        }
    }

    /** {@code ping}: its entry point and {@code terminatingStatusCode} (Traefik default 503). */
    public record Ping(String entryPoint, int terminatingStatusCode, boolean manualRouting) {
    }

    /** {@code providers.file}: {@code directory}, {@code filename} and {@code watch}. */
    public record FileProvider(String directory, String filename, boolean watch) {
    }

    /** The entry point serving ping, when ping is enabled and that entry point exists. */
    public Optional<EntryPoint> pingEntryPoint() {
        return ping.map(p -> entryPoints.get(p.entryPoint()));
    }

    /** The longest shutdown budget among the entry points. */
    public Duration longestShutdownBudget() {
        return entryPoints.values().stream().map(EntryPoint::shutdownBudget).max(Duration::compareTo)
                .orElse(StaticConfigReader.DEFAULT_GRACE_TIMEOUT);
    }
}
