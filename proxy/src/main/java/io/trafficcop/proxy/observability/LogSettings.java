package io.trafficcop.proxy.observability;

/**
 * Traefik's {@code log} section, as the logging set-up needs it.
 *
 * @param level TRACE, DEBUG, INFO, WARN, ERROR, FATAL or PANIC (Traefik's default: ERROR)
 * @param format {@code common} or {@code json}
 * @param filePath a file to log to instead of standard output, or null
 * @param noColor accepted for compatibility; TrafficCop's common format has no colours
 */
public record LogSettings(String level, String format, String filePath, boolean noColor) {

    public static final LogSettings DEFAULT = new LogSettings("ERROR", "common", null, false);
}
