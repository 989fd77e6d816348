package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code http.middlewares.<name>.errors} ({@code dynamic.ErrorPage}).
 *
 * <ul>
 *   <li>{@code status}: status codes or inclusive ranges, e.g. {@code 500-599}</li>
 *   <li>{@code statusRewrites}: status code or range to the status code sent</li>
 * </ul>
 */
public record ErrorPage(
        List<String> status,
        Map<String, Integer> statusRewrites,
        String service,
        String query,
        List<String> errorRequestHeaders) {

    public ErrorPage {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        status = status == null ? null : Collections.unmodifiableList(new ArrayList<>(status));
        statusRewrites = statusRewrites == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(statusRewrites));
        errorRequestHeaders = errorRequestHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(errorRequestHeaders));
    }
}
