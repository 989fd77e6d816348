package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.mirroring} ({@code dynamic.Mirroring}).
 *
 * <ul>
 *   <li>{@code maxBodySize}: -1 means unlimited</li>
 * </ul>
 */
public record Mirroring(
        String service,
        Boolean mirrorBody,
        Long maxBodySize,
        List<MirrorService> mirrors,
        ServiceHealthCheck healthCheck) {

    public static final Boolean DEFAULT_MIRROR_BODY = Boolean.TRUE;
    public static final Long DEFAULT_MAX_BODY_SIZE = -1L;

    public Mirroring {
        mirrorBody = mirrorBody != null ? mirrorBody : DEFAULT_MIRROR_BODY;
        maxBodySize = maxBodySize != null ? maxBodySize : DEFAULT_MAX_BODY_SIZE;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        mirrors = mirrors == null ? null : Collections.unmodifiableList(new ArrayList<>(mirrors));
    }
}
