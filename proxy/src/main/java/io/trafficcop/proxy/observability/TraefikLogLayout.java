package io.trafficcop.proxy.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Log lines shaped as Traefik's: {@code common} is zerolog's console form
 * ({@code 2026-11-22T10:00:00Z INF message}), {@code json} is zerolog's JSON
 * ({@code {"level":"info","time":"...","message":"..."}}), so that existing log pipelines keep parsing.
 */
public final class TraefikLogLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final boolean json;

    public TraefikLogLayout(boolean json) {
        this.json = json;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String time = TIME.format(Instant.ofEpochMilli(event.getTimeStamp()));
        String message = event.getFormattedMessage();
        String throwable = event.getThrowableProxy() == null ? null : ThrowableProxyUtil.asString(event.getThrowableProxy());
        StringBuilder sb = new StringBuilder(128);
        if (json) {
            sb.append("{\"level\":\"").append(levelName(event.getLevel())).append("\",\"time\":\"").append(time)
                    .append("\",\"logger\":");
            appendJsonString(sb, event.getLoggerName());
            if (throwable != null) {
                sb.append(",\"error\":");
                appendJsonString(sb, throwable);
            }
            sb.append(",\"message\":");
            appendJsonString(sb, message);
            return sb.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
        }
        sb.append(time).append(' ').append(shortLevel(event.getLevel())).append(' ').append(message);
        if (throwable != null) {
            sb.append(CoreConstants.LINE_SEPARATOR).append(throwable);
        }
        return sb.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static String levelName(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT -> "trace";
            case Level.DEBUG_INT -> "debug";
            case Level.INFO_INT -> "info";
            case Level.WARN_INT -> "warn";
            default -> "error";
        };
    }

    private static String shortLevel(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT -> "TRC";
            case Level.DEBUG_INT -> "DBG";
            case Level.INFO_INT -> "INF";
            case Level.WARN_INT -> "WRN";
            default -> "ERR";
        };
    }

    static void appendJsonString(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
