package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * HTTP settings of an entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http} (Traefik's {@code static.HTTPConfig}).
 *
 * @param middlewares middlewares prepended to every router on the entry point
 * @param underscoreHeadersStrategy keep, delete or reject
 */
public record EntryPointHttp(
        Redirections redirections,
        List<String> middlewares,
        EntryPointTls tls,
        @NotImplemented("encoded character filtering is not implemented yet") EncodedCharacters encodedCharacters,
        @NotImplemented("query semicolon encoding is not implemented yet") Boolean encodeQuerySemicolons,
        @NotImplemented("path sanitization is not implemented yet") Boolean sanitizePath,
        @NotImplemented("header size limit is not implemented yet") Integer maxHeaderBytes,
        @NotImplemented("underscore header strategy is not implemented yet") String underscoreHeadersStrategy) {

    public static final List<String> DEFAULT_MIDDLEWARES = List.of();
    public static final Boolean DEFAULT_ENCODE_QUERY_SEMICOLONS = Boolean.FALSE;
    public static final Boolean DEFAULT_SANITIZE_PATH = Boolean.TRUE;
    public static final Integer DEFAULT_MAX_HEADER_BYTES = 1 << 20;
    public static final String DEFAULT_UNDERSCORE_HEADERS_STRATEGY = "keep";

    public EntryPointHttp {
        if (middlewares == null) {
            middlewares = DEFAULT_MIDDLEWARES;
        }
        if (encodeQuerySemicolons == null) {
            encodeQuerySemicolons = DEFAULT_ENCODE_QUERY_SEMICOLONS;
        }
        if (sanitizePath == null) {
            sanitizePath = DEFAULT_SANITIZE_PATH;
        }
        if (maxHeaderBytes == null) {
            maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        }
        if (underscoreHeadersStrategy == null) {
            underscoreHeadersStrategy = DEFAULT_UNDERSCORE_HEADERS_STRATEGY;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPointHttp defaults() {
        return new EntryPointHttp(null, null, null, null, null, null, null, null);
    }
}
