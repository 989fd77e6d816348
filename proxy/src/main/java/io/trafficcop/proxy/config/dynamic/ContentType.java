package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.contentType} ({@code dynamic.ContentType}).
 */
@NotImplemented("middleware not implemented yet")
public record ContentType(
        Boolean autoDetect) {

    public static final Boolean DEFAULT_AUTO_DETECT = Boolean.FALSE;

    public ContentType {
        autoDetect = autoDetect != null ? autoDetect : DEFAULT_AUTO_DETECT;
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContentType fromBoolean(boolean enabled) {
        return enabled ? new ContentType(null) : null;
    }
}
