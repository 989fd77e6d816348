package io.trafficcop.proxy.observability.accesslog;

import io.trafficcop.proxy.config.install.AccessLogFilters;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code accessLog.filters}: with no filter every request is logged; otherwise a request is logged when
 * its status is in one of {@code statusCodes} ("404", "500-599"), or {@code retryAttempts} is set and it was
 * retried, or it took longer than {@code minDuration}.
 */
public final class AccessLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);

    private final HttpCodeRanges statusRanges;
    private final boolean retryAttempts;
    private final long minDurationNanos;
    private final boolean keepAll;

    public AccessLogFilter(AccessLogFilters config) {
        this.statusRanges = ranges(config == null ? null : config.statusCodes());
        this.retryAttempts = config != null && Boolean.TRUE.equals(config.retryAttempts());
        this.minDurationNanos = config == null || config.minDuration() == null ? 0 : config.minDuration().toNanos();
        this.keepAll = statusRanges.isEmpty() && !retryAttempts && minDurationNanos <= 0;
    }

    /** Whether a request with this downstream status, retries and total duration is written. */
    public boolean keep(int status, int retries, Duration duration) {
        if (keepAll) {
            return true;
        }
        if (statusRanges.contains(status)) {
            return true;
        }
        if (retryAttempts && retries > 0) {
            return true;
        }
        return minDurationNanos > 0 && duration.toNanos() > minDurationNanos;
    }

    /**
     * Traefik's types.NewHTTPCodeRanges. As Traefik, an invalid list is reported and the status filter ignored
     * (the configuration stays usable).
     */
    private static HttpCodeRanges ranges(List<String> codes) {
        List<String> blocks = codes == null ? List.of() : codes;
        try {
            return HttpCodeRanges.parse("accessLog.filters.statusCodes", blocks);
        } catch (IllegalArgumentException e) {
            LOG.error("Failed to create new HTTP code ranges: {}", e.getMessage());
            return HttpCodeRanges.parse("accessLog.filters.statusCodes", List.of());
        }
    }
}
