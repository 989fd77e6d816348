package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tls.options.<name>.clientAuth} ({@code tls.ClientAuth}).
 *
 * <ul>
 *   <li>{@code caFiles}: paths or PEM contents</li>
 *   <li>{@code clientAuthType}: {@code NoClientCert}, {@code RequestClientCert}, {@code RequireAnyClientCert}, {@code VerifyClientCertIfGiven} or {@code RequireAndVerifyClientCert}</li>
 * </ul>
 */
@NotImplemented("TLS certificates/options/stores not implemented yet")
public record ClientAuth(
        List<String> caFiles,
        String clientAuthType) {

    public static final String DEFAULT_CLIENT_AUTH_TYPE = "NoClientCert";

    public ClientAuth {
        clientAuthType = clientAuthType != null ? clientAuthType : DEFAULT_CLIENT_AUTH_TYPE;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        caFiles = caFiles == null ? null : Collections.unmodifiableList(new ArrayList<>(caFiles));
    }
}
