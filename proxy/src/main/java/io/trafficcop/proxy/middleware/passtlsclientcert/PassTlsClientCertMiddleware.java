package io.trafficcop.proxy.middleware.passtlsclientcert;

import io.trafficcop.proxy.config.dynamic.PassTlsClientCert;
import io.trafficcop.proxy.config.dynamic.TlsClientCertificateInfo;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.tls.TlsConnection;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert}: sets {@code X-Forwarded-Tls-Client-Cert} (with
 * {@code pem}) and {@code X-Forwarded-Tls-Client-Cert-Info} (with {@code info}) from the certificates the client
 * presented on its TLS connection; requests without a client certificate pass unchanged.
 */
public final class PassTlsClientCertMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(PassTlsClientCertMiddleware.class);

    private final String name;
    private final boolean pem;
    private final TlsClientCertificateInfo info;

    public PassTlsClientCertMiddleware(String name, PassTlsClientCert config) {
        this.name = name;
        this.pem = Boolean.TRUE.equals(config.pem());
        this.info = config.info();
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        if (!pem && info == null) {
            return next;
        }
        return exchange -> {
            List<X509Certificate> peer = peerCertificates(exchange);
            if (peer.isEmpty()) {
                LOG.debug("middleware {}: tried to extract a certificate on a request without mutual TLS", name);
            } else {
                if (pem) {
                    exchange.request().headers().set(HeaderNames.X_FORWARDED_TLS_CLIENT_CERT,
                            ClientCertificateHeaders.pem(peer));
                }
                if (info != null) {
                    exchange.request().headers().set(HeaderNames.X_FORWARDED_TLS_CLIENT_CERT_INFO,
                            ClientCertificateHeaders.queryEscape(ClientCertificateHeaders.info(info, peer)));
                }
            }
            next.handle(exchange);
        };
    }

    private static List<X509Certificate> peerCertificates(Exchange exchange) {
        SSLSession session = TlsConnection.session(exchange.channel());
        if (session == null) {
            return List.of();
        }
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}
