package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * OCSP stapling; present (even empty) enables it.
 *
 * <p>Traefik key: {@code ocsp} (Traefik's {@code tls.OCSPConfig}).
 *
 * @param responderOverrides OCSP responder URL by original responder URL
 */
@NotImplemented("OCSP stapling is not implemented yet")
public record OcspConfig(
        Map<String, String> responderOverrides) {
}
