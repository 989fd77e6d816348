package io.trafficcop.proxy.config.dynamic;

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
}
