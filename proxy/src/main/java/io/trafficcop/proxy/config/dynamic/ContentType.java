package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Traefik's {@code http.middlewares.<name>.contentType} ({@code dynamic.ContentType}).
 *
 * <ul>
 *   <li>{@code autoDetect}: deprecated; null enables content-type detection, {@code false} turns the middleware into a no-op, and setting it at all logs a deprecation warning, so null is kept</li>
 * </ul>
 */
public record ContentType(
        Boolean autoDetect) {

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContentType fromBoolean(boolean enabled) {
        return enabled ? new ContentType(null) : null;
    }
}
