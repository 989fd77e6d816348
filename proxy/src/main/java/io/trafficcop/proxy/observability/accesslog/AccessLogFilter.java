package io.trafficcop.proxy.observability.accesslog;

import io.trafficcop.proxy.config.install.AccessLogFilters;
import java.time.Duration;
import java.util.ArrayList;
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

    private final int[][] statusRanges;
    private final boolean retryAttempts;
    private final long minDurationNanos;
    private final boolean keepAll;

    public AccessLogFilter(AccessLogFilters config) {
        this.statusRanges = config == null ? new int[0][] : ranges(config.statusCodes());
        this.retryAttempts = config != null && Boolean.TRUE.equals(config.retryAttempts());
        this.minDurationNanos = config == null || config.minDuration() == null ? 0 : config.minDuration().toNanos();
        this.keepAll = statusRanges.length == 0 && !retryAttempts && minDurationNanos <= 0;
    }

    /** Whether a request with this downstream status, retries and total duration is written. */
    public boolean keep(int status, int retries, Duration duration) {
        if (keepAll) {
            return true;
        }
        for (int[] r : statusRanges) {
            if (status >= r[0] && status <= r[1]) {
                return true;
            }
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
    private static int[][] ranges(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return new int[0][];
        }
        List<int[]> blocks = new ArrayList<>();
        for (String code : codes) {
            String[] parts = code.split("-", -1);
            try {
                if (parts.length > 2) {
                    throw new NumberFormatException("too many '-'");
                }
                int low = Integer.parseInt(parts[0].trim());
                int high = parts.length == 1 ? low : Integer.parseInt(parts[1].trim());
                blocks.add(new int[] {low, high});
            } catch (NumberFormatException e) {
                LOG.error("Failed to create new HTTP code ranges: invalid accessLog.filters.statusCodes \"{}\": {}",
                        code, e.getMessage());
                return new int[0][];
            }
        }
        return blocks.toArray(int[][]::new);
    }
}
