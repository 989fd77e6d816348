package io.trafficcop.proxy.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.trafficcop.proxy.config.dynamic.TlsOptions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code tls.options.<name>} compiled and validated ({@code buildTLSConfig}): protocol range, cipher
 * suites, curves, client authentication, ALPN, session tickets and {@code sniStrict}. {@link #newContext} builds the
 * Netty server {@link SslContext} serving one certificate with these options, with the OpenSSL (BoringSSL) engine
 * when available and the JDK engine otherwise.
 */
public final class ServerTlsOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTlsOptions.class);

    /** Traefik's {@code tls.options.default} when the configuration defines none. */
    public static final String DEFAULT_NAME = "default";

    /** Go's default server minimum version (TLS 1.2) and maximum (TLS 1.3). */
    private static final String GO_DEFAULT_MIN = "VersionTLS12";
    private static final String GO_DEFAULT_MAX = "VersionTLS13";

    /** Go's client authentication policies. */
    public enum ClientAuthType {
        NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert
    }

    private final String name;
    private final List<String> protocols;
    private final List<String> ciphers; // null: the engine's secure defaults
    private final List<String> opensslGroups;
    private final List<String> jdkNamedGroups;
    private final ClientAuthType clientAuthType;
    private final List<X509Certificate> clientCas;
    private final boolean sniStrict;
    private final List<String> alpnProtocols;
    private final boolean disableSessionTickets;

    private ServerTlsOptions(String name, TlsOptions options) {
        this.name = name;
        String min = options.minVersion() == null || options.minVersion().isEmpty() ? GO_DEFAULT_MIN : options.minVersion();
        String max = options.maxVersion() == null || options.maxVersion().isEmpty() ? GO_DEFAULT_MAX : options.maxVersion();
        GoTlsNames.version("minVersion", min);
        GoTlsNames.version("maxVersion", max);
        List<String> versions = new ArrayList<>(GoTlsNames.VERSIONS.keySet());
        int lo = versions.indexOf(min);
        int hi = versions.indexOf(max);
        if (lo > hi) {
            throw new IllegalArgumentException("minVersion " + min + " is above maxVersion " + max);
        }
        List<String> protos = new ArrayList<>();
        for (int i = lo; i <= hi; i++) {
            protos.add(GoTlsNames.VERSIONS.get(versions.get(i)));
        }
        this.protocols = List.copyOf(protos);

        if (options.cipherSuites() != null) {
            List<String> list = new ArrayList<>();
            for (String goName : options.cipherSuites()) {
                String iana = GoTlsNames.cipherSuite(goName);
                if (iana != null && !GoTlsNames.TLS13_CIPHER_SUITES.contains(iana)) {
                    list.add(iana);
                }
            }
            list.addAll(GoTlsNames.TLS13_CIPHER_SUITES); // not configurable in Go: always on with TLS 1.3
            this.ciphers = List.copyOf(list);
        } else {
            this.ciphers = null;
        }

        List<String> ossl = new ArrayList<>();
        List<String> jdk = new ArrayList<>();
        if (options.curvePreferences() != null) {
            for (String curve : options.curvePreferences()) {
                ossl.add(GoTlsNames.opensslGroup(curve));
                jdk.add(GoTlsNames.jdkNamedGroup(curve));
            }
        }
        this.opensslGroups = List.copyOf(ossl);
        this.jdkNamedGroups = List.copyOf(jdk);

        var clientAuth = options.clientAuth();
        List<X509Certificate> cas = new ArrayList<>();
        if (clientAuth != null && clientAuth.caFiles() != null) {
            for (String caFile : clientAuth.caFiles()) {
                List<X509Certificate> read;
                try {
                    read = Pem.certificates(FileOrContent.read(caFile));
                } catch (RuntimeException e) {
                    read = List.of();
                }
                if (read.isEmpty()) {
                    throw new IllegalArgumentException(FileOrContent.isPath(caFile)
                            ? "invalid certificate(s) in " + caFile : "invalid certificate(s) content");
                }
                cas.addAll(read);
            }
        }
        this.clientCas = List.copyOf(cas);
        String type = clientAuth == null ? null : clientAuth.clientAuthType();
        if (type == null || type.isEmpty()) {
            // Go: CA files alone mean RequireAndVerifyClientCert
            this.clientAuthType = cas.isEmpty() ? ClientAuthType.NoClientCert : ClientAuthType.RequireAndVerifyClientCert;
        } else {
            ClientAuthType parsed;
            try {
                parsed = ClientAuthType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown client auth type \"" + type + "\"");
            }
            if (cas.isEmpty() && (parsed == ClientAuthType.VerifyClientCertIfGiven
                    || parsed == ClientAuthType.RequireAndVerifyClientCert)) {
                throw new IllegalArgumentException("invalid clientAuthType: " + type + ", CAFiles is required");
            }
            this.clientAuthType = parsed;
        }
        this.sniStrict = Boolean.TRUE.equals(options.sniStrict());
        this.alpnProtocols = options.alpnProtocols() == null ? TlsOptions.DEFAULT_ALPN_PROTOCOLS
                : List.copyOf(options.alpnProtocols());
        this.disableSessionTickets = Boolean.TRUE.equals(options.disableSessionTickets());
        if (options.preferServerCipherSuites() != null) {
            LOG.warn("TLSOption {} uses `PreferServerCipherSuites` option, but this option is deprecated and "
                    + "ineffective, please remove this option.", name);
        }
    }

    /**
     * Compiles {@code tls.options.<name>}.
     *
     * @throws IllegalArgumentException naming the option and the invalid value
     */
    public static ServerTlsOptions of(String name, TlsOptions options) {
        try {
            return new ServerTlsOptions(name, options == null ? defaults() : options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tls.options." + name + ": " + e.getMessage(), e);
        }
    }

    /** Traefik's default options (an empty {@code tls.options} entry with its SetDefaults). */
    public static TlsOptions defaults() {
        return new TlsOptions(null, null, null, null, null, null, null, null, null);
    }

    public String name() {
        return name;
    }

    public boolean sniStrict() {
        return sniStrict;
    }

    public List<String> alpnProtocols() {
        return alpnProtocols;
    }

    public List<String> protocols() {
        return protocols;
    }

    public ClientAuthType clientAuthType() {
        return clientAuthType;
    }

    /** JDK named groups for the JDK engine (empty: the engine's defaults). */
    List<String> jdkNamedGroups() {
        return jdkNamedGroups;
    }

    /** Whether the OpenSSL engine serves the contexts built here. */
    public static boolean openSsl() {
        return OpenSsl.isAvailable();
    }

    /** A server context serving {@code certificate} with these options and the given ALPN protocols. */
    public SslContext newContext(ServedCertificate certificate, List<String> alpn) {
        SslProvider provider = openSsl() ? SslProvider.OPENSSL : SslProvider.JDK;
        SslContextBuilder b = SslContextBuilder.forServer(certificate.key(),
                        certificate.chain().toArray(X509Certificate[]::new))
                .sslProvider(provider)
                .protocols(protocols);
        if (ciphers != null) {
            b.ciphers(ciphers, SupportedCipherSuiteFilter.INSTANCE);
        }
        switch (clientAuthType) {
            case NoClientCert -> b.clientAuth(ClientAuth.NONE);
            case RequestClientCert -> b.clientAuth(ClientAuth.OPTIONAL).trustManager(InsecureTrustManagerFactory.INSTANCE);
            case RequireAnyClientCert -> b.clientAuth(ClientAuth.REQUIRE).trustManager(InsecureTrustManagerFactory.INSTANCE);
            case VerifyClientCertIfGiven -> b.clientAuth(ClientAuth.OPTIONAL).trustManager(clientCas);
            case RequireAndVerifyClientCert -> b.clientAuth(ClientAuth.REQUIRE).trustManager(clientCas);
        }
        if (!alpn.isEmpty()) {
            b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
        }
        if (provider == SslProvider.OPENSSL && !opensslGroups.isEmpty()) {
            b.option(OpenSslContextOption.GROUPS, opensslGroups.toArray(String[]::new));
        }
        try {
            SslContext context = b.build();
            if (disableSessionTickets && context instanceof ReferenceCountedOpenSslContext openssl) {
                io.netty.internal.tcnative.SSLContext.setOptions(openssl.sslCtxPointer(),
                        io.netty.internal.tcnative.SSL.SSL_OP_NO_TICKET);
            }
            return context;
        } catch (SSLException | RuntimeException e) {
            throw new IllegalArgumentException("tls.options." + name + ": cannot build the TLS context: "
                    + e.getMessage(), e);
        }
    }
}
