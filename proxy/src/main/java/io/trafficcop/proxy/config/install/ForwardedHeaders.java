package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * Which peers are trusted for X-Forwarded-* headers.
 *
 * <p>Traefik key: {@code entryPoints.<name>.forwardedHeaders}.
 */
public record ForwardedHeaders(
        Boolean insecure,
        List<String> trustedIPs,
        List<String> connection,
        Boolean notAppendXForwardedFor,
        Boolean addXForwardedSchemeHeaders) {

    public static final Boolean DEFAULT_INSECURE = Boolean.FALSE;
    public static final List<String> DEFAULT_TRUSTED_I_PS = List.of();
    public static final List<String> DEFAULT_CONNECTION = List.of();
    public static final Boolean DEFAULT_NOT_APPEND_X_FORWARDED_FOR = Boolean.FALSE;
    public static final Boolean DEFAULT_ADD_X_FORWARDED_SCHEME_HEADERS = Boolean.FALSE;

    public ForwardedHeaders {
        if (insecure == null) {
            insecure = DEFAULT_INSECURE;
        }
        if (trustedIPs == null) {
            trustedIPs = DEFAULT_TRUSTED_I_PS;
        }
        if (connection == null) {
            connection = DEFAULT_CONNECTION;
        }
        if (notAppendXForwardedFor == null) {
            notAppendXForwardedFor = DEFAULT_NOT_APPEND_X_FORWARDED_FOR;
        }
        if (addXForwardedSchemeHeaders == null) {
            addXForwardedSchemeHeaders = DEFAULT_ADD_X_FORWARDED_SCHEME_HEADERS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ForwardedHeaders defaults() {
        return new ForwardedHeaders(null, null, null, null, null);
    }
}
