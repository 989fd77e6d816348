package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.compress} ({@code dynamic.Compress}).
 */
public record Compress(
        List<String> excludedContentTypes,
        List<String> includedContentTypes,
        Integer minResponseBodyBytes,
        List<String> encodings,
        String defaultEncoding) {

    public static final Integer DEFAULT_MIN_RESPONSE_BODY_BYTES = 1024;
    public static final List<String> DEFAULT_ENCODINGS = List.of("gzip", "br", "zstd");

    public Compress {
        minResponseBodyBytes = minResponseBodyBytes != null ? minResponseBodyBytes : DEFAULT_MIN_RESPONSE_BODY_BYTES;
        encodings = encodings != null ? encodings : DEFAULT_ENCODINGS;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        excludedContentTypes = excludedContentTypes == null ? null : Collections.unmodifiableList(new ArrayList<>(excludedContentTypes));
        includedContentTypes = includedContentTypes == null ? null : Collections.unmodifiableList(new ArrayList<>(includedContentTypes));
        encodings = encodings == null ? null : Collections.unmodifiableList(new ArrayList<>(encodings));
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Compress fromBoolean(boolean enabled) {
        return enabled ? new Compress(null, null, null, null, null) : null;
    }
}
