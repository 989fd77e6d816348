package io.trafficcop.proxy.observability.accesslog;

import io.trafficcop.proxy.config.install.AccessLogFields;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Traefik's {@code accessLog.fields}: {@code defaultMode} and {@code names} (keep or drop, per field name, case
 * insensitive), {@code headers.defaultMode} and {@code headers.names} (keep, drop or redact, per header name, case
 * insensitive) and {@code queryParameters.defaultMode} (keep or drop the query in RequestPath). An unknown mode
 * falls back to the default, as in Traefik.
 */
public final class AccessLogFieldPolicy {

    /** What happens to a header in the log. */
    public enum HeaderMode { KEEP, DROP, REDACT }

    private final boolean defaultKeep;
    private final Map<String, Boolean> fields = new HashMap<>();
    private final HeaderMode defaultHeaderMode;
    private final Map<String, HeaderMode> headers = new HashMap<>();
    private final boolean keepQueryParameters;

    public AccessLogFieldPolicy(AccessLogFields config) {
        AccessLogFields c = config == null ? AccessLogFields.defaults() : config;
        this.defaultKeep = keep(c.defaultMode(), true);
        if (c.names() != null) {
            c.names().forEach((name, mode) -> fields.put(name.toLowerCase(Locale.ROOT), keep(mode, defaultKeep)));
        }
        this.defaultHeaderMode = headerMode(c.headers().defaultMode(), HeaderMode.DROP);
        if (c.headers().names() != null) {
            c.headers().names().forEach((name, mode) ->
                    headers.put(name.toLowerCase(Locale.ROOT), headerMode(mode, defaultHeaderMode)));
        }
        this.keepQueryParameters = keep(c.queryParameters().defaultMode(), true);
    }

    /** Whether the field is written (Traefik's Fields.Keep). */
    public boolean keep(String field) {
        Boolean v = fields.get(field.toLowerCase(Locale.ROOT));
        return v == null ? defaultKeep : v;
    }

    /** What happens to this header (Traefik's Fields.KeepHeader). */
    public HeaderMode header(String name) {
        HeaderMode v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? defaultHeaderMode : v;
    }

    /** Whether any header may be written: when not, headers are not even copied. */
    public boolean anyHeader() {
        return defaultHeaderMode != HeaderMode.DROP || headers.containsValue(HeaderMode.KEEP)
                || headers.containsValue(HeaderMode.REDACT);
    }

    /** Whether headers are written by default (then every header is looked at, else only the named ones). */
    public boolean headersByDefault() {
        return defaultHeaderMode != HeaderMode.DROP;
    }

    /** The header names configured one by one, lower-cased. */
    public java.util.Set<String> namedHeaders() {
        return headers.keySet();
    }

    public boolean keepQueryParameters() {
        return keepQueryParameters;
    }

    private static boolean keep(String mode, boolean defaultKeep) {
        if ("keep".equals(mode)) {
            return true;
        }
        if ("drop".equals(mode)) {
            return false;
        }
        return defaultKeep;
    }

    private static HeaderMode headerMode(String mode, HeaderMode defaultMode) {
        if (mode == null) {
            return defaultMode;
        }
        return switch (mode) {
            case "keep" -> HeaderMode.KEEP;
            case "drop" -> HeaderMode.DROP;
            case "redact" -> HeaderMode.REDACT;
            default -> defaultMode;
        };
    }
}
