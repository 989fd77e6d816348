package io.trafficcop.proxy.tls;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS context choice of one entry point for one snapshot, as Traefik's TCP router + TLS manager choose a
 * {@code tls.Config} and then a certificate for a ClientHello:
 * <ol>
 *   <li>ALPN offers {@code acme-tls/1}: the pending TLS-ALPN-01 certificate for the SNI, else the handshake fails;</li>
 *   <li>the options: those of the routers whose {@code Host} is the SNI, else {@code default};</li>
 *   <li>the certificate from the {@code default} store: the best match for the SNI (the local IP address when the
 *       client sent no SNI), else — unless the options are {@code sniStrict} — the store's default certificate.</li>
 * </ol>
 * Immutable; safe to share between event loops.
 */
public final class SniSslContexts {

    private static final Logger LOG = LoggerFactory.getLogger(SniSslContexts.class);

    private static final CompletableFuture<Selection> NONE = CompletableFuture.completedFuture(null);

    private final TlsTermination termination;
    private final Map<String, String> hostOptions;

    SniSslContexts(TlsTermination termination, Map<String, String> hostOptions) {
        this.termination = termination;
        this.hostOptions = Map.copyOf(hostOptions);
    }

    /** A chosen context (with the JDK named groups to set on JDK engines, since JDK contexts cannot carry them). */
    public record Selection(SslContext context, List<String> jdkNamedGroups, String optionsName,
                            ServedCertificate certificate) {
    }

    /** The options name a server name selects. */
    public String optionsNameFor(String serverName) {
        return hostOptions.getOrDefault(serverName, ServerTlsOptions.DEFAULT_NAME);
    }

    /**
     * The context for a ClientHello, or null when the handshake must fail (no certificate, broken options). Complete
     * at once unless the handshake needs the generated default certificate while it is still being generated.
     */
    public CompletableFuture<Selection> select(ClientHello hello, SocketAddress localAddress) {
        String sni = hello.serverName();
        if (hello.alpnProtocols().contains(TlsAlpnChallengeCertificates.ACME_TLS_1)) {
            ServedCertificate challenge = termination.challenges().get(sni);
            if (challenge == null) {
                LOG.debug("TLS: no certificate for TLSALPN challenge: {}", sni);
                return NONE;
            }
            ServerTlsOptions defaults = termination.options(ServerTlsOptions.DEFAULT_NAME);
            if (defaults == null) {
                defaults = ServerTlsOptions.of(ServerTlsOptions.DEFAULT_NAME, null);
            }
            return CompletableFuture.completedFuture(new Selection(defaults.newContext(challenge,
                    List.of(TlsAlpnChallengeCertificates.ACME_TLS_1)), List.of(), ServerTlsOptions.DEFAULT_NAME, challenge));
        }
        String optionsName = optionsNameFor(sni);
        ServerTlsOptions options = termination.options(optionsName);
        if (options == null) {
            LOG.debug("TLS: options {} for {} are broken or unknown, closing connection", optionsName, sni);
            return NONE;
        }
        CertificateStore store = termination.store(TlsTermination.DEFAULT_STORE);
        String lookup = sni;
        if (lookup.isEmpty() && localAddress instanceof InetSocketAddress local && local.getAddress() != null) {
            lookup = local.getAddress().getHostAddress();
        }
        ServedCertificate cert = store.best(lookup);
        if (cert != null) {
            return CompletableFuture.completedFuture(selection(options, optionsName, cert));
        }
        if (options.sniStrict()) {
            LOG.debug("TLS: strict SNI enabled - No certificate found for domain: \"{}\", closing connection", sni);
            return NONE;
        }
        return store.defaultCertificate().thenApply(fallback -> selection(options, optionsName, fallback));
    }

    private Selection selection(ServerTlsOptions options, String optionsName, ServedCertificate cert) {
        try {
            return new Selection(termination.context(options, cert), options.jdkNamedGroups(), optionsName, cert);
        } catch (IllegalArgumentException e) {
            LOG.error("TLS: {}", e.getMessage());
            return null;
        }
    }
}
