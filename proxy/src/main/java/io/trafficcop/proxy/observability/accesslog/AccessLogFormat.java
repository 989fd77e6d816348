package io.trafficcop.proxy.observability.accesslog;

import static io.trafficcop.proxy.observability.accesslog.AccessLogFieldNames.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code accessLog.format}: {@code common} (Traefik's CLF extended with the request count, router,
 * server URL and duration), {@code genericCLF} (the plain Common Log Format with referer and user agent) and
 * {@code json} (every kept field, keys sorted, with logrus' {@code level}, {@code msg} and {@code time}).
 *
 * <p>Values of the field map are strings, numbers, {@link Duration}s (nanoseconds in JSON, as Go's time.Duration)
 * and {@link ZonedDateTime}s (RFC 3339 with nanoseconds in JSON, as Go's time.Time).
 */
public enum AccessLogFormat {

    COMMON {
        @Override
        String format(Map<String, Object> fields, ZonedDateTime now) {
            StringBuilder b = clfPrefix(fields);
            b.append(' ');
            b.append(value(fields, REQUEST_COUNT, DEFAULT, false)).append(' ');
            b.append(value(fields, ROUTER_NAME, QUOTED_DEFAULT, true)).append(' ');
            b.append(value(fields, SERVICE_URL, QUOTED_DEFAULT, true)).append(' ');
            long millis = fields.get(DURATION) instanceof Duration d ? d.toMillis() : 0;
            return b.append(millis).append("ms\n").toString();
        }
    },
    GENERIC_CLF {
        @Override
        String format(Map<String, Object> fields, ZonedDateTime now) {
            return clfPrefix(fields).append('\n').toString();
        }
    },
    JSON {
        @Override
        String format(Map<String, Object> fields, ZonedDateTime now) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                sorted.put(e.getKey(), jsonValue(e.getValue()));
            }
            // logrus' JSONFormatter adds these (a field of the same name would be renamed fields.<name>)
            sorted.put("level", "info");
            sorted.put("msg", "");
            sorted.put("time", now.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            try {
                return MAPPER.writeValueAsString(sorted) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("access log entry is not serialisable", e);
            }
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFormat.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEFAULT = "-";
    private static final String QUOTED_DEFAULT = "\"-\"";
    /** Go's "02/Jan/2006:15:04:05 -0700". */
    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH);

    /**
     * One log line, newline included.
     *
     * @param now when the line is written (the JSON {@code time})
     */
    abstract String format(Map<String, Object> fields, ZonedDateTime now);

    /** The format named by {@code accessLog.format}; Traefik falls back to common on an unknown name. */
    public static AccessLogFormat of(String name) {
        if (name == null || name.isEmpty() || name.equals("common")) {
            return COMMON;
        }
        return switch (name) {
            case "genericCLF" -> GENERIC_CLF;
            case "json" -> JSON;
            default -> {
                LOG.error("Unsupported access log format: \"{}\", defaulting to common format instead.", name);
                yield COMMON;
            }
        };
    }

    private static StringBuilder clfPrefix(Map<String, Object> fields) {
        String timestamp = DEFAULT;
        if (fields.get(START_UTC) instanceof ZonedDateTime utc) {
            timestamp = CLF_TIME.format(utc.withZoneSameInstant(ZoneOffset.UTC));
        } else if (fields.get(START_LOCAL) instanceof ZonedDateTime local) {
            timestamp = CLF_TIME.format(local);
        }
        StringBuilder b = new StringBuilder(160);
        b.append(value(fields, CLIENT_HOST, DEFAULT, false)).append(" - ");
        b.append(value(fields, CLIENT_USERNAME, DEFAULT, false)).append(" [");
        b.append(timestamp).append("] \"");
        b.append(value(fields, REQUEST_METHOD, DEFAULT, false)).append(' ');
        b.append(value(fields, REQUEST_PATH, DEFAULT, false)).append(' ');
        b.append(value(fields, REQUEST_PROTOCOL, DEFAULT, false)).append("\" ");
        b.append(value(fields, DOWNSTREAM_STATUS, DEFAULT, true)).append(' ');
        b.append(value(fields, DOWNSTREAM_CONTENT_SIZE, DEFAULT, true)).append(' ');
        b.append(value(fields, REQUEST_REFERER_HEADER, QUOTED_DEFAULT, true)).append(' ');
        b.append(value(fields, REQUEST_USER_AGENT_HEADER, QUOTED_DEFAULT, true));
        return b;
    }

    /** Traefik's toLog: absent or null gives the default, strings are quoted (or the default when empty). */
    private static String value(Map<String, Object> fields, String key, String defaultValue, boolean quoted) {
        Object v = fields.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof CharSequence s) {
            if (s.isEmpty()) {
                return defaultValue;
            }
            return quoted ? '"' + s.toString().replace("\"", "\\\"") + '"' : s.toString();
        }
        return String.valueOf(v);
    }

    private static Object jsonValue(Object v) {
        if (v instanceof Duration d) {
            return d.toNanos();
        }
        if (v instanceof ZonedDateTime t) {
            return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return v;
    }
}
