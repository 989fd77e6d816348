package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.grpcWeb} ({@code dynamic.GrpcWeb}).
 */
@NotImplemented("middleware not implemented yet")
public record GrpcWeb(
        List<String> allowOrigins) {

    public GrpcWeb {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        allowOrigins = allowOrigins == null ? null : Collections.unmodifiableList(new ArrayList<>(allowOrigins));
    }
}
