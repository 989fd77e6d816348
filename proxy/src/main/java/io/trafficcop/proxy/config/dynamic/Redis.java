package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.rateLimit.redis} ({@code dynamic.Redis}).
 */
@NotImplemented("middleware not implemented yet")
public record Redis(
        List<String> endpoints,
        io.trafficcop.proxy.config.types.ClientTls tls,
        String username,
        String password,
        Integer db,
        Integer poolSize,
        Integer minIdleConns,
        Integer maxActiveConns,
        GoDuration readTimeout,
        GoDuration writeTimeout,
        GoDuration dialTimeout) {

    public static final List<String> DEFAULT_ENDPOINTS = List.of("localhost:6379");
    public static final GoDuration DEFAULT_READ_TIMEOUT = GoDuration.ofSeconds(3);
    public static final GoDuration DEFAULT_WRITE_TIMEOUT = GoDuration.ofSeconds(3);
    public static final GoDuration DEFAULT_DIAL_TIMEOUT = GoDuration.ofSeconds(5);

    public Redis {
        endpoints = endpoints != null ? endpoints : DEFAULT_ENDPOINTS;
        readTimeout = readTimeout != null ? readTimeout : DEFAULT_READ_TIMEOUT;
        writeTimeout = writeTimeout != null ? writeTimeout : DEFAULT_WRITE_TIMEOUT;
        dialTimeout = dialTimeout != null ? dialTimeout : DEFAULT_DIAL_TIMEOUT;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        endpoints = endpoints == null ? null : Collections.unmodifiableList(new ArrayList<>(endpoints));
    }
}
