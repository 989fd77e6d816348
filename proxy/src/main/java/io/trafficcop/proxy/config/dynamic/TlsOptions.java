package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tls.options.<name>} ({@code tls.Options}).
 *
 * <ul>
 *   <li>{@code minVersion}: e.g. {@code VersionTLS12}; null means Go's default (TLS 1.2)</li>
 *   <li>{@code cipherSuites}: null means Go's secure cipher suites ({@code tls.CipherSuites()})</li>
 *   <li>{@code preferServerCipherSuites}: deprecated, ignored by Go</li>
 * </ul>
 */
public record TlsOptions(
        String minVersion,
        String maxVersion,
        List<String> cipherSuites,
        List<String> curvePreferences,
        ClientAuth clientAuth,
        Boolean sniStrict,
        List<String> alpnProtocols,
        Boolean disableSessionTickets,
        Boolean preferServerCipherSuites) {

    public static final ClientAuth DEFAULT_CLIENT_AUTH = new ClientAuth(null, null);
    public static final Boolean DEFAULT_SNI_STRICT = Boolean.FALSE;
    public static final List<String> DEFAULT_ALPN_PROTOCOLS = List.of("h2", "http/1.1", "acme-tls/1");
    public static final Boolean DEFAULT_DISABLE_SESSION_TICKETS = Boolean.FALSE;

    public TlsOptions {
        clientAuth = clientAuth != null ? clientAuth : DEFAULT_CLIENT_AUTH;
        sniStrict = sniStrict != null ? sniStrict : DEFAULT_SNI_STRICT;
        alpnProtocols = alpnProtocols != null ? alpnProtocols : DEFAULT_ALPN_PROTOCOLS;
        disableSessionTickets = disableSessionTickets != null ? disableSessionTickets : DEFAULT_DISABLE_SESSION_TICKETS;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        cipherSuites = cipherSuites == null ? null : Collections.unmodifiableList(new ArrayList<>(cipherSuites));
        curvePreferences = curvePreferences == null ? null : Collections.unmodifiableList(new ArrayList<>(curvePreferences));
        alpnProtocols = alpnProtocols == null ? null : Collections.unmodifiableList(new ArrayList<>(alpnProtocols));
    }
}
