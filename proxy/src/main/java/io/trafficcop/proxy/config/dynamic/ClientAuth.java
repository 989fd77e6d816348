package io.trafficcop.proxy.config.dynamic;

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
public record ClientAuth(
        List<String> caFiles,
        String clientAuthType) {

    /** What an absent {@code clientAuthType} means without {@code caFiles} (with them: RequireAndVerifyClientCert). */
    public static final String DEFAULT_CLIENT_AUTH_TYPE = "NoClientCert";

    public ClientAuth {
        // clientAuthType stays null when absent: Go reads caFiles without a type as RequireAndVerifyClientCert
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        caFiles = caFiles == null ? null : Collections.unmodifiableList(new ArrayList<>(caFiles));
    }
}
