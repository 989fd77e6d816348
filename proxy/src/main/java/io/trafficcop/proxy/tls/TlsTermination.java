package io.trafficcop.proxy.tls;

import io.trafficcop.proxy.config.dynamic.CertAndStores;
import io.trafficcop.proxy.config.dynamic.TlsConfiguration;
import io.trafficcop.proxy.config.dynamic.TlsOptions;
import io.trafficcop.proxy.config.dynamic.TlsStore;
import io.trafficcop.proxy.config.types.Domain;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS termination for one configuration snapshot (Traefik's {@code tls} section: {@code certificates},
 * {@code options}, {@code stores}, plus the certificates of the ACME resolvers). Immutable once built; the Netty
 * contexts it creates (one per options × certificate) are cached here, so a reload builds a new
 * {@code TlsTermination} and new handshakes use it while established connections keep theirs.
 *
 * <p>Like Traefik, a broken certificate is logged and skipped, and a broken option makes the connections that select
 * it fail; {@link #errors()} lists both for the integrator (API, --validate).
 */
public final class TlsTermination {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTermination.class);

    /** Traefik's {@code DefaultTLSStoreName}. */
    public static final String DEFAULT_STORE = "default";

    private final Map<String, ServerTlsOptions> options;
    private final Map<String, String> optionErrors;
    private final Map<String, CertificateStore> stores;
    private final TlsAlpnChallengeCertificates challenges;
    private final List<String> errors;
    private final Map<ContextKey, SslContext> contexts = new ConcurrentHashMap<>();

    private TlsTermination(Map<String, ServerTlsOptions> options, Map<String, String> optionErrors,
                           Map<String, CertificateStore> stores, TlsAlpnChallengeCertificates challenges,
                           List<String> errors) {
        this.options = options;
        this.optionErrors = optionErrors;
        this.stores = stores;
        this.challenges = challenges;
        this.errors = errors;
    }

    /** A certificate from elsewhere (an ACME resolver) for a store, with the resolver name for defaultGeneratedCert. */
    public record ExtraCertificate(ServedCertificate certificate, String store, String resolver) {
    }

    /** Termination with no configuration: default options, the generated default certificate. */
    public static TlsTermination empty() {
        return build(null, List.of(), new TlsAlpnChallengeCertificates());
    }

    /**
     * Builds termination from {@code tls} of the dynamic configuration (may be null) and the certificates ACME
     * resolvers hold ({@code extra}); {@code challenges} is the shared TLS-ALPN-01 registry.
     */
    public static TlsTermination build(TlsConfiguration tls, List<ExtraCertificate> extra,
                                       TlsAlpnChallengeCertificates challenges) {
        return build(tls, extra, challenges, DefaultCertificate::sharedAsync);
    }

    /** As {@link #build(TlsConfiguration, List, TlsAlpnChallengeCertificates)}, with the generated default given. */
    static TlsTermination build(TlsConfiguration tls, List<ExtraCertificate> extra,
                                TlsAlpnChallengeCertificates challenges,
                                Supplier<CompletableFuture<ServedCertificate>> generatedDefault) {
        List<String> errors = new ArrayList<>();
        Map<String, ServerTlsOptions> options = new LinkedHashMap<>();
        Map<String, String> optionErrors = new LinkedHashMap<>();
        Map<String, TlsOptions> configured = tls == null || tls.options() == null ? Map.of() : tls.options();
        for (var e : configured.entrySet()) {
            try {
                options.put(e.getKey(), ServerTlsOptions.of(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                optionErrors.put(e.getKey(), ex.getMessage());
                errors.add(ex.getMessage());
                LOG.error("{}", ex.getMessage());
            }
        }
        if (!configured.containsKey(ServerTlsOptions.DEFAULT_NAME)) {
            options.put(ServerTlsOptions.DEFAULT_NAME, ServerTlsOptions.of(ServerTlsOptions.DEFAULT_NAME, null));
        }

        Map<String, TlsStore> storeConfigs = new LinkedHashMap<>();
        if (tls != null && tls.stores() != null) {
            storeConfigs.putAll(tls.stores());
        }
        storeConfigs.putIfAbsent(DEFAULT_STORE, null);
        Map<String, List<ServedCertificate>> byStore = new LinkedHashMap<>();
        Map<String, List<ExtraCertificate>> extraByStore = new LinkedHashMap<>();
        if (tls != null && tls.certificates() != null) {
            for (CertAndStores c : tls.certificates()) {
                ServedCertificate cert;
                try {
                    cert = ServedCertificate.fromPem(c.certFile(), c.keyFile());
                } catch (IllegalArgumentException ex) {
                    errors.add("tls.certificates: " + ex.getMessage());
                    LOG.error("Unable to parse certificate: {}", ex.getMessage());
                    continue;
                }
                List<String> names = c.stores() == null || c.stores().isEmpty() ? List.of(DEFAULT_STORE) : c.stores();
                for (String store : names) {
                    storeConfigs.putIfAbsent(store, null);
                    byStore.computeIfAbsent(store, k -> new ArrayList<>()).add(cert);
                }
            }
        }
        for (ExtraCertificate e : extra) {
            String store = e.store() == null || e.store().isEmpty() ? DEFAULT_STORE : e.store();
            storeConfigs.putIfAbsent(store, null);
            byStore.computeIfAbsent(store, k -> new ArrayList<>()).add(e.certificate());
            extraByStore.computeIfAbsent(store, k -> new ArrayList<>()).add(e);
        }
        Map<String, CertificateStore> stores = new LinkedHashMap<>();
        for (var e : storeConfigs.entrySet()) {
            String name = e.getKey();
            List<ServedCertificate> certs = byStore.getOrDefault(name, List.of());
            ServedCertificate defaultCert = defaultCertificate(name, e.getValue(), certs,
                    extraByStore.getOrDefault(name, List.of()), errors);
            stores.put(name, new CertificateStore(name, certs, defaultCert, generatedDefault));
        }
        return new TlsTermination(Collections.unmodifiableMap(options), Collections.unmodifiableMap(optionErrors),
                Collections.unmodifiableMap(stores), challenges, List.copyOf(errors));
    }

    /** The store's default certificate; null for the generated one. */
    private static ServedCertificate defaultCertificate(String storeName, TlsStore store, List<ServedCertificate> certs,
                                                        List<ExtraCertificate> extra, List<String> errors) {
        if (store != null && store.defaultCertificate() != null) {
            try {
                return ServedCertificate.fromPem(store.defaultCertificate().certFile(),
                        store.defaultCertificate().keyFile());
            } catch (IllegalArgumentException ex) {
                String msg = "tls.stores." + storeName + ".defaultCertificate: " + ex.getMessage();
                errors.add(msg);
                LOG.error("Error while creating certificate store: {}", msg);
                return null;
            }
        }
        var generated = store == null ? null : store.defaultGeneratedCert();
        if (generated != null && generated.domain() != null && generated.resolver() != null
                && !generated.resolver().isEmpty()) {
            List<String> domains = domainNames(generated.domain());
            List<ServedCertificate> fromResolver = new ArrayList<>();
            for (ExtraCertificate e : extra) {
                if (generated.resolver().equals(e.resolver())) {
                    fromResolver.add(e.certificate());
                }
            }
            ServedCertificate found = domains.isEmpty() ? null
                    : new CertificateStore(storeName, fromResolver, null).covering(domains);
            if (found != null) {
                return found;
            }
            LOG.debug("tls.stores.{}: no certificate yet for defaultGeneratedCert {}, using the generated one",
                    storeName, domains);
        }
        return null; // the generated one, created when a handshake first needs it
    }

    /** A domain's main name and SANs, lower-cased, without trailing dots (Traefik's sanitizeDomains). */
    public static List<String> domainNames(Domain domain) {
        List<String> out = new ArrayList<>();
        if (domain.main() != null && !domain.main().isEmpty()) {
            out.add(clean(domain.main()));
        }
        if (domain.sans() != null) {
            for (String s : domain.sans()) {
                if (s != null && !s.isEmpty()) {
                    out.add(clean(s));
                }
            }
        }
        return out;
    }

    private static String clean(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /**
     * Starts generating the default certificate in the background when a store uses it, so that the first handshake
     * needing it does not wait (called once a snapshot with TLS routers serves: plain HTTP never waits for it).
     */
    public void prepareDefaultCertificate() {
        stores.values().stream().filter(CertificateStore::generatesDefaultCertificate).findFirst()
                .ifPresent(CertificateStore::defaultCertificate);
    }

    /** Configuration errors found while building (broken certificates and options). */
    public List<String> errors() {
        return errors;
    }

    public CertificateStore store(String name) {
        return stores.get(name);
    }

    /** The compiled option, or null when unknown or broken. */
    public ServerTlsOptions options(String name) {
        return options.get(name);
    }

    /** Whether {@code name} is a {@code tls.options} entry (valid or broken), or the implicit default. */
    public boolean hasOptions(String name) {
        return options.containsKey(name) || optionErrors.containsKey(name);
    }

    /** The error of a broken {@code tls.options} entry, or null. */
    public String optionError(String name) {
        return optionErrors.get(name);
    }

    TlsAlpnChallengeCertificates challenges() {
        return challenges;
    }

    /**
     * The SNI → context choice for one entry point, given its TLS routers (Traefik's per-entry-point TLS config by
     * Host: a host whose routers disagree on options gets the default options, as Traefik's aggregator decides).
     */
    public SniSslContexts forEntryPoint(List<TlsRouterHosts> routers) {
        return new SniSslContexts(this, TlsRouterHosts.resolve(routers));
    }

    SslContext context(ServerTlsOptions option, ServedCertificate certificate) {
        return contexts.computeIfAbsent(new ContextKey(option.name(), certificate),
                k -> option.newContext(certificate, option.alpnProtocols()));
    }

    /** Identity of the certificate instance: certificates are immutable and shared within a snapshot. */
    private record ContextKey(String option, ServedCertificate certificate) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ContextKey k && k.option.equals(option) && k.certificate == certificate;
        }

        @Override
        public int hashCode() {
            return option.hashCode() * 31 + System.identityHashCode(certificate);
        }
    }
}
