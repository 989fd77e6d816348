package io.trafficcop.proxy.middleware.forwardauth;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.trafficcop.proxy.config.dynamic.ClientTls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The client TLS configuration of forwardAuth ({@code forwardAuth.tls}: {@code ca}, {@code cert}, {@code key},
 * {@code insecureSkipVerify}) as Traefik's types.ClientTLS: each of ca, cert and key is a file path when such a file
 * exists, else the PEM content itself. Without {@code ca} the JDK's default trust store verifies the server.
 */
final class AuthClientTls {

    private AuthClientTls() {
    }

    /** The context for an https address; {@code tls} may be null (system roots). */
    static SslContext clientContext(ClientTls tls) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (tls != null) {
                if (Boolean.TRUE.equals(tls.insecureSkipVerify())) {
                    builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
                } else if (tls.ca() != null && !tls.ca().isEmpty()) {
                    try (InputStream ca = pem(tls.ca())) {
                        builder.trustManager(ca);
                    }
                }
                boolean hasCert = tls.cert() != null && !tls.cert().isEmpty();
                boolean hasKey = tls.key() != null && !tls.key().isEmpty();
                if (hasCert != hasKey) {
                    throw new IllegalArgumentException("both cert and key must be set");
                }
                if (hasCert) {
                    try (InputStream cert = pem(tls.cert()); InputStream key = pem(tls.key())) {
                        builder.keyManager(cert, key);
                    }
                }
            }
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unable to create client TLS configuration: " + e.getMessage(), e);
        }
    }

    static boolean verifiesHostname(ClientTls tls) {
        return tls == null || !Boolean.TRUE.equals(tls.insecureSkipVerify());
    }

    private static InputStream pem(String fileOrContent) throws IOException {
        try {
            Path path = Path.of(fileOrContent);
            if (Files.isRegularFile(path)) {
                return Files.newInputStream(path);
            }
        } catch (InvalidPathException notAPath) {
            // PEM content
        }
        return new ByteArrayInputStream(fileOrContent.getBytes(StandardCharsets.UTF_8));
    }
}
