package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.grpcWeb} ({@code dynamic.GrpcWeb}).
 */
@NotImplemented("middleware not implemented yet")
public record GrpcWeb(
        List<String> allowOrigins) {
}
