package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.forwardAuth} ({@code dynamic.ForwardAuth}).
 *
 * <ul>
 *   <li>{@code trustForwardHeader}: null behaves as false but Traefik warns about it, so null is kept</li>
 *   <li>{@code maxBodySize}: -1 means unlimited</li>
 *   <li>{@code maxResponseBodySize}: null or -1 means unlimited; null is kept because Traefik warns about it</li>
 * </ul>
 */
public record ForwardAuth(
        String address,
        ClientTls tls,
        Boolean trustForwardHeader,
        List<String> authResponseHeaders,
        String authResponseHeadersRegex,
        List<String> authRequestHeaders,
        List<String> addAuthCookiesToResponse,
        String headerField,
        Boolean forwardBody,
        Long maxBodySize,
        Long maxResponseBodySize,
        Boolean preserveLocationHeader,
        Boolean preserveRequestMethod,
        String authSigninURL) {

    public static final Long DEFAULT_MAX_BODY_SIZE = -1L;

    public ForwardAuth {
        maxBodySize = maxBodySize != null ? maxBodySize : DEFAULT_MAX_BODY_SIZE;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        authResponseHeaders = authResponseHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(authResponseHeaders));
        authRequestHeaders = authRequestHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(authRequestHeaders));
        addAuthCookiesToResponse = addAuthCookiesToResponse == null ? null : Collections.unmodifiableList(new ArrayList<>(addAuthCookiesToResponse));
    }
}
