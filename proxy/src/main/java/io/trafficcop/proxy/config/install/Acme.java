package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * An ACME (Let's Encrypt) certificate resolver.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme} (Traefik's {@code acme.Configuration}).
 *
 * @param certificatesDuration certificate lifetime in hours
 */
public record Acme(
        String email,
        String caServer,
        String preferredChain,
        String profile,
        @NotImplemented("ACME emailAddresses (CSR e-mail addresses) is not implemented yet") List<String> emailAddresses,
        @NotImplemented("ACME disableCommonName is not implemented yet") Boolean disableCommonName,
        String storage,
        String keyType,
        Eab eab,
        Integer certificatesDuration,
        GoDuration clientTimeout,
        @NotImplemented("ACME clientResponseHeaderTimeout is not implemented yet (clientTimeout applies)") GoDuration clientResponseHeaderTimeout,
        GoDuration certificateTimeout,
        List<String> caCertificates,
        Boolean caSystemCertPool,
        @NotImplemented("ACME caServerName is not implemented yet") String caServerName,
        @NotImplemented("the ACME DNS-01 challenge is not implemented") DnsChallenge dnsChallenge,
        HttpChallenge httpChallenge,
        TlsChallenge tlsChallenge) {

    public static final String DEFAULT_CA_SERVER = "https://acme-v02.api.letsencrypt.org/directory";
    public static final String DEFAULT_STORAGE = "acme.json";
    public static final String DEFAULT_KEY_TYPE = "RSA4096";
    public static final Integer DEFAULT_CERTIFICATES_DURATION = 90 * 24;
    public static final GoDuration DEFAULT_CLIENT_TIMEOUT = GoDuration.ofSeconds(120);
    public static final GoDuration DEFAULT_CLIENT_RESPONSE_HEADER_TIMEOUT = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_CERTIFICATE_TIMEOUT = GoDuration.ofSeconds(30);

    public Acme {
        if (caServer == null) {
            caServer = DEFAULT_CA_SERVER;
        }
        if (storage == null) {
            storage = DEFAULT_STORAGE;
        }
        if (keyType == null) {
            keyType = DEFAULT_KEY_TYPE;
        }
        if (certificatesDuration == null) {
            certificatesDuration = DEFAULT_CERTIFICATES_DURATION;
        }
        if (clientTimeout == null) {
            clientTimeout = DEFAULT_CLIENT_TIMEOUT;
        }
        if (clientResponseHeaderTimeout == null) {
            clientResponseHeaderTimeout = DEFAULT_CLIENT_RESPONSE_HEADER_TIMEOUT;
        }
        if (certificateTimeout == null) {
            certificateTimeout = DEFAULT_CERTIFICATE_TIMEOUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Acme defaults() {
        return new Acme(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
