package io.trafficcop.proxy.service.healthcheck;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Traefik's {@code loadBalancer.healthCheck}, validated, with Traefik's defaults: interval 30s (also for a
 * non-positive value), unhealthyInterval = interval when unset, timeout 5s, method GET, any 2xx/3xx status accepted
 * unless {@code status} is set, redirects followed unless {@code followRedirects: false}.
 *
 * @param mode "http" or "grpc"
 */
public record HealthCheckSettings(String mode, String scheme, String path, String method, int status, int port,
                                  Duration interval, Duration unhealthyInterval, Duration timeout, String hostname,
                                  boolean followRedirects, Map<String, String> headers) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Validates {@code config}.
     *
     * @throws IllegalArgumentException naming the option when a value is invalid
     */
    public static HealthCheckSettings of(HealthCheck config) {
        String mode = config.mode() == null || config.mode().isEmpty() ? "http"
                : config.mode().toLowerCase(Locale.ROOT);
        if (!mode.equals("http") && !mode.equals("grpc")) {
            throw new IllegalArgumentException("invalid healthCheck.mode \"" + config.mode()
                    + "\": expected http or grpc");
        }
        String scheme = config.scheme() == null ? "" : config.scheme().toLowerCase(Locale.ROOT);
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("h2c")) {
            throw new IllegalArgumentException("invalid healthCheck.scheme \"" + config.scheme()
                    + "\": expected http, https or h2c");
        }
        if (mode.equals("grpc") && scheme.equals("https")) {
            // Traefik dials TLS with the servers transport's settings here; failing every check silently is worse
            throw new IllegalArgumentException("healthCheck.scheme https with healthCheck.mode grpc is not supported"
                    + " yet: use http or h2c");
        }
        String path = config.path() == null ? "" : config.path();
        try {
            URI p = URI.create(path.isEmpty() ? "/" : path);
            if (p.getScheme() != null || p.getHost() != null) {
                throw new IllegalArgumentException("invalid healthCheck.path \"" + path
                        + "\": health check path must be a relative URL");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("invalid healthCheck.path")) {
                throw e;
            }
            throw new IllegalArgumentException("invalid healthCheck.path \"" + path + "\": " + e.getMessage(), e);
        }
        int status = config.status() == null ? 0 : config.status();
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("invalid healthCheck.status " + status + ": expected an HTTP status");
        }
        int port = config.port() == null ? 0 : config.port();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid healthCheck.port " + port);
        }
        Duration interval = positiveOr(config.interval(), DEFAULT_INTERVAL);
        Duration unhealthy = config.unhealthyInterval() == null ? interval
                : positiveOr(config.unhealthyInterval(), DEFAULT_INTERVAL);
        Duration timeout = positiveOr(config.timeout(), DEFAULT_TIMEOUT);
        String method = config.method() == null || config.method().isEmpty() ? "GET"
                : config.method().toUpperCase(Locale.ROOT);
        return new HealthCheckSettings(mode, scheme, path, method, status, port, interval, unhealthy, timeout,
                config.hostname() == null ? "" : config.hostname(),
                !Boolean.FALSE.equals(config.followRedirects()),
                config.headers() == null ? Map.of() : Map.copyOf(config.headers()));
    }

    private static Duration positiveOr(GoDuration d, Duration fallback) {
        return d == null || !d.isPositive() ? fallback : d.value();
    }

    /** Whether a response status means healthy. */
    public boolean healthy(int code) {
        if (status == 0) {
            return code >= 200 && code < 400;
        }
        return code == status;
    }
}
