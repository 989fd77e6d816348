package io.trafficcop.proxy.upstream;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side SslContexts for {@code https://} servers, built from a servers transport's TLS settings
 * ({@code serverName}, {@code insecureSkipVerify}, {@code rootCAs}, {@code certificates}, {@code cipherSuites},
 * {@code minVersion}, {@code maxVersion}) once and cached: equal settings after a reload find the same context.
 * BoringSSL (netty-tcnative) is the engine when it loads, the JDK's otherwise.
 */
public final class UpstreamSslContexts {

    private record Key(UpstreamTlsSettings tls, boolean h2, SslProvider provider) {
    }

    /** BoringSSL when netty-tcnative loads on this platform, else the JDK's engine (tests switch engines here). */
    static volatile SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;

    private static final Map<Key, SslContext> CACHE = new ConcurrentHashMap<>();
    private static final Map<UpstreamTlsSettings, Set<TrustAnchor>> ANCHORS = new ConcurrentHashMap<>();

    private UpstreamSslContexts() {
    }

    /**
     * The context for {@code tls}, offering ALPN h2 then http/1.1 when {@code h2}, only http/1.1 otherwise.
     *
     * @throws IllegalArgumentException naming the option when a setting is invalid
     */
    public static SslContext of(UpstreamTlsSettings tls, boolean h2) {
        Key key = new Key(tls, h2, provider);
        SslContext cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SslContext built = build(tls, h2, key.provider());
        SslContext raced = CACHE.putIfAbsent(key, built);
        return raced == null ? built : raced;
    }

    /**
     * The client TLS handler for a connection to {@code host:port} through {@code transport}, as Go's transport dials:
     * SNI from {@code serverName} or the host, the host name verified unless {@code insecureSkipVerify}, the handshake
     * bounded by {@code dialTimeout}. Used for proxied requests and for health checks alike (Traefik's health checks
     * use the service's transport). {@link #verifyPeer} then checks {@code peerCertURI} / {@code peerCertSANs}.
     */
    public static SslHandler newHandler(ByteBufAllocator alloc, ServersTransportSettings transport, String host, int port,
                                        boolean allowH2) {
        var tls = transport.tls();
        var context = of(tls, allowH2 && !transport.disableHttp2());
        String name = tls.serverName() != null ? tls.serverName() : host;
        SSLEngine engine = context.newEngine(alloc, name, port);
        if (!tls.insecureSkipVerify()) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // Go verifies the name as well as the chain
            engine.setSSLParameters(parameters);
        }
        SslHandler handler = new SslHandler(engine);
        long dialMillis = transport.dialTimeout().toMillis();
        handler.setHandshakeTimeoutMillis(dialMillis <= 0 ? 0 : dialMillis); // Go's TLSHandshakeTimeout is part of the dial
        return handler;
    }

    /** After the handshake: the transport's {@code peerCertURI} and {@code peerCertSANs} checks. */
    public static void verifyPeer(SSLSession session, ServersTransportSettings transport) throws SSLException {
        PeerCertificates.verify(session, transport.tls());
    }

    /** Validates {@code tls} by building its contexts (call when compiling a configuration). */
    public static void validate(UpstreamTlsSettings tls) {
        PeerCertificates.validate(tls);
        of(tls, true);
        of(tls, false);
    }

    /** The roots peerCertSANs' chain check trusts: rootCAs, or the JVM's trust store when none are configured. */
    static Set<TrustAnchor> trustAnchors(UpstreamTlsSettings tls) {
        return ANCHORS.computeIfAbsent(tls, t -> {
            X509Certificate[] roots;
            if (!t.rootCAs().isEmpty()) {
                roots = rootCAs(t.rootCAs());
            } else {
                try {
                    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    factory.init((KeyStore) null);
                    roots = ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JVM's trust store cannot be read", e);
                }
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate root : roots) {
                anchors.add(new TrustAnchor(root, null));
            }
            return anchors;
        });
    }

    /** Forgets every cached context (tests). */
    static void clear() {
        CACHE.clear();
    }

    private static SslContext build(UpstreamTlsSettings tls, boolean h2, SslProvider engine) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(engine);
        if (tls.insecureSkipVerify()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (!tls.rootCAs().isEmpty()) {
            builder.trustManager(rootCAs(tls.rootCAs()));
        }
        if (tls.certificates().size() > 1) {
            // a client presents one certificate: Go picks the first one matching the server's request
            throw new IllegalArgumentException("certificates: TrafficCop supports one client certificate per servers transport");
        }
        for (Certificate certificate : tls.certificates()) {
            if (certificate.certFile() == null || certificate.keyFile() == null) {
                throw new IllegalArgumentException("certificates: certFile and keyFile are both required");
            }
            try {
                builder.keyManager(new ByteArrayInputStream(read("certificates.certFile", certificate.certFile())),
                        new ByteArrayInputStream(read("certificates.keyFile", certificate.keyFile())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid client certificate in certificates: " + e.getMessage(), e);
            }
        }
        builder.protocols(TlsVersions.between(tls.minVersion(), tls.maxVersion()));
        if (!tls.cipherSuites().isEmpty()) {
            builder.ciphers(GoCipherSuites.toJava(tls.cipherSuites()), SupportedCipherSuiteFilter.INSTANCE);
        }
        // else the engine's defaults, h2 or not: as Go, a TLS 1.2 backend with older suites still gets http/1.1
        if (h2) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        try {
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid servers transport TLS settings: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] rootCAs(List<String> values) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String value : values) {
                var parsed = factory.generateCertificates(new ByteArrayInputStream(read("rootCAs", value)));
                if (parsed.isEmpty()) {
                    throw new IllegalArgumentException("rootCAs: no certificate in \"" + abbreviate(value) + "\"");
                }
                for (var c : parsed) {
                    certificates.add((X509Certificate) c);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("rootCAs: invalid certificate: " + e.getMessage(), e);
        }
        return certificates.toArray(X509Certificate[]::new);
    }

    /** Traefik's FileOrContent: the file's bytes when the value names an existing file, else the value itself. */
    static byte[] read(String option, String value) {
        if (!value.contains("-----BEGIN")) {
            try {
                Path path = Path.of(value);
                if (Files.isRegularFile(path)) {
                    return Files.readAllBytes(path);
                }
            } catch (InvalidPathException e) {
                // not a path: content
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read \"" + value + "\": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException(option + ": \"" + abbreviate(value) + "\" is neither a file nor PEM content");
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
