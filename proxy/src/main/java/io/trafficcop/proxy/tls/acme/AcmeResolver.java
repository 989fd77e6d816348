package io.trafficcop.proxy.tls.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trafficcop.proxy.config.install.Acme;
import io.trafficcop.proxy.config.types.Domain;
import io.trafficcop.proxy.tls.FileOrContent;
import io.trafficcop.proxy.tls.Pem;
import io.trafficcop.proxy.tls.ServedCertificate;
import io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates;
import io.trafficcop.proxy.tls.TlsTermination;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Traefik ACME certificate resolver ({@code certificatesResolvers.<name>.acme}) on acme4j: keeps its account and
 * certificates in Traefik's {@code acme.json} ({@link AcmeStorage}), obtains certificates for the domains it is given
 * (routers' {@code Host} rules and {@code tls.domains}, see {@link #domainsOf}) over HTTP-01 ({@link
 * HttpChallengeTokens}) or TLS-ALPN-01 ({@link TlsAlpnChallengeCertificates}), and renews them ahead of expiry as
 * Traefik does (30 days before for 90-day certificates, checked daily). Failures are logged and retried with
 * exponential backoff; they never stop serving (the existing certificate, or the default one, keeps being served).
 * {@code dnsChallenge} is accepted and reported as not implemented.
 *
 * <p>Every change of the certificate set calls {@code onChange}: the integrator rebuilds {@link TlsTermination}
 * with {@link #certificates()} then.
 */
public final class AcmeResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeResolver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 6;

    static {
        // acme4j generates keys and CSRs through the BouncyCastle provider
        if (java.security.Security.getProvider("BC") == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }

    private final String name;
    private final Acme config;
    private final AcmeStorage storage;
    private final HttpChallengeTokens httpTokens;
    private final TlsAlpnChallengeCertificates alpnCertificates;
    private final Runnable onChange;
    private final Duration renewPeriod;
    private final Duration renewInterval;
    private final SSLContext caTrust;
    private final ScheduledExecutorService worker;
    private final Set<String> resolving = ConcurrentHashMap.newKeySet();
    /** Every domain asked for, so that the periodic check retries those whose attempts all failed. */
    private final Set<Domain> wanted = ConcurrentHashMap.newKeySet();
    private volatile List<Held> held;
    Duration retryBase = Duration.ofSeconds(2);
    /** Traefik's account keys are RSA 4096; tests lower it to keep key generation short. */
    int accountKeyBits = 4096;

    /** A stored certificate with its parsed form. */
    private record Held(AcmeStorage.StoredCertificate stored, ServedCertificate served) {
    }

    /**
     * @param name             the resolver name ({@code certificatesResolvers.<name>}), also its key in acme.json
     * @param httpTokens       where HTTP-01 answers go (mounted on {@code httpChallenge.entryPoint})
     * @param alpnCertificates where TLS-ALPN-01 certificates go (the TLS termination's acme-tls/1 registry)
     * @param onChange         called (from the resolver's thread) after its certificate set changed
     * @throws IllegalArgumentException naming the option when the configuration is invalid
     */
    public AcmeResolver(String name, Acme config, AcmeStorage storage, HttpChallengeTokens httpTokens,
                        TlsAlpnChallengeCertificates alpnCertificates, Runnable onChange) {
        this.name = name;
        this.config = config;
        this.storage = storage;
        this.httpTokens = httpTokens;
        this.alpnCertificates = alpnCertificates;
        this.onChange = onChange == null ? () -> { } : onChange;
        String prefix = "certificatesResolvers." + name + ".acme.";
        if (config.httpChallenge() == null && config.tlsChallenge() == null && config.dnsChallenge() == null) {
            throw new IllegalArgumentException(prefix + "one of httpChallenge, tlsChallenge or dnsChallenge is required");
        }
        if (config.dnsChallenge() != null) {
            LOG.error("{}dnsChallenge is not implemented by TrafficCop: {}", prefix,
                    config.httpChallenge() == null && config.tlsChallenge() == null
                            ? "the certificates in " + config.storage() + " are served, but none is obtained or renewed"
                            : "it is ignored, the http/tls challenges are used");
        }
        if (config.httpChallenge() != null && (config.httpChallenge().entryPoint() == null
                || config.httpChallenge().entryPoint().isEmpty())) {
            throw new IllegalArgumentException(prefix + "httpChallenge.entryPoint is required");
        }
        try {
            URI.create(config.caServer()).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IllegalArgumentException(prefix + "caServer \"" + config.caServer() + "\" is not a URL");
        }
        if (config.eab() != null && (config.eab().kid() == null || config.eab().hmacEncoded() == null)) {
            throw new IllegalArgumentException(prefix + "eab needs both kid and hmacEncoded");
        }
        Duration[] durations = renewDurations(config.certificatesDuration());
        this.renewPeriod = durations[0];
        this.renewInterval = durations[1];
        this.caTrust = caTrust(prefix, config);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "acme-" + name);
            t.setDaemon(true);
            return t;
        });
        this.held = load();
    }

    public String name() {
        return name;
    }

    /** Traefik's {@code getCertificateRenewDurations}: [renew this long before expiry, check this often]. */
    public static Duration[] renewDurations(int certificatesDurationHours) {
        long h = certificatesDurationHours;
        if (h >= 365 * 24) {
            return new Duration[] {Duration.ofDays(120), Duration.ofDays(7)};
        } else if (h >= 90 * 24) {
            return new Duration[] {Duration.ofDays(30), Duration.ofDays(1)};
        } else if (h >= 30 * 24) {
            return new Duration[] {Duration.ofDays(10), Duration.ofHours(12)};
        } else if (h >= 6 * 24) {
            return new Duration[] {Duration.ofDays(2), Duration.ofHours(2)};
        } else if (h >= 24) {
            return new Duration[] {Duration.ofHours(6), Duration.ofMinutes(10)};
        }
        return new Duration[] {Duration.ofMinutes(20), Duration.ofMinutes(1)};
    }

    /**
     * The certificate domains of one router, as Traefik's ACME provider derives them: its {@code tls.domains} when
     * set (one certificate each), else one certificate for all the hosts of its rule (first as main, others as SANs).
     */
    public static List<Domain> domainsOf(List<String> ruleHosts, List<Domain> tlsDomains) {
        if (tlsDomains != null && !tlsDomains.isEmpty()) {
            return List.copyOf(tlsDomains);
        }
        if (ruleHosts == null || ruleHosts.isEmpty()) {
            return List.of();
        }
        List<String> hosts = new ArrayList<>(new LinkedHashSet<>(ruleHosts));
        return List.of(new Domain(hosts.getFirst(), hosts.size() > 1 ? hosts.subList(1, hosts.size()) : null));
    }

    /** Starts the renewal checks (every day for 90-day certificates, and once now). */
    public void start() {
        worker.scheduleWithFixedDelay(this::renewDue, 0, renewInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The certificates held, for {@link TlsTermination#build} (each in its store, default "default"). */
    public List<TlsTermination.ExtraCertificate> certificates() {
        List<TlsTermination.ExtraCertificate> out = new ArrayList<>();
        for (Held h : held) {
            out.add(new TlsTermination.ExtraCertificate(h.served(), h.stored().store(), name));
        }
        return out;
    }

    /**
     * Obtains, in the background, a certificate for each domain no held certificate covers yet. The future completes
     * when all attempts (retries included) are over; it never completes exceptionally.
     */
    public CompletableFuture<Void> resolve(List<Domain> domains) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Domain d : domains) {
            List<String> names = TlsTermination.domainNames(d);
            if (names.isEmpty()) {
                continue;
            }
            if (names.stream().anyMatch(n -> n.startsWith("*"))) {
                LOG.error("resolver {}: unable to generate a wildcard certificate for domain {}: ACME needs a "
                        + "DNSChallenge, which TrafficCop does not implement", name, names);
                continue;
            }
            wanted.add(d);
            if (covered(names)) {
                continue;
            }
            String key = String.join(",", names);
            if (!resolving.add(key)) {
                continue;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            done.whenComplete((v, e) -> resolving.remove(key));
            attempt(new Domain(names.getFirst(), names.size() > 1 ? names.subList(1, names.size()) : null), null,
                    1, done);
            all.add(done);
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /**
     * Renews, in the background, every certificate expiring within the renew period (Traefik's renewCertificates),
     * and tries again the domains asked for that still have no certificate.
     */
    public CompletableFuture<Void> renewDue() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        all.add(resolve(List.copyOf(wanted)));
        Instant limit = Instant.now().plus(renewPeriod);
        for (Held h : held) {
            if (h.served().leaf().getNotAfter().toInstant().isBefore(limit)) {
                Domain d = h.stored().domain().toDomain();
                String key = String.join(",", TlsTermination.domainNames(d));
                if (!resolving.add(key)) {
                    continue;
                }
                LOG.info("resolver {}: renewing ACME certificate {}", name, key);
                CompletableFuture<Void> done = new CompletableFuture<>();
                done.whenComplete((v, e) -> resolving.remove(key));
                attempt(d, h.stored().store(), 1, done);
                all.add(done);
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private void attempt(Domain domain, String store, int attempt, CompletableFuture<Void> done) {
        if (config.httpChallenge() == null && config.tlsChallenge() == null) {
            LOG.error("resolver {}: cannot obtain a certificate for {}: dnsChallenge is not implemented by TrafficCop",
                    name, TlsTermination.domainNames(domain));
            done.complete(null);
            return;
        }
        worker.execute(() -> {
            try {
                obtain(domain, store);
                done.complete(null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (attempt >= MAX_ATTEMPTS || worker.isShutdown()) {
                    LOG.error("resolver {}: unable to obtain ACME certificate for domains {}: {} (giving up until "
                            + "the next renewal check)", name, TlsTermination.domainNames(domain), e.toString());
                    done.complete(null);
                    return;
                }
                long delay = retryBase.toMillis() << (attempt - 1);
                LOG.warn("resolver {}: unable to obtain ACME certificate for domains {}: {} (retrying in {} ms)",
                        name, TlsTermination.domainNames(domain), e.toString(), delay);
                try {
                    worker.schedule(() -> attempt(domain, store, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    done.complete(null);
                }
            }
        });
    }

    private boolean covered(List<String> names) {
        for (Held h : held) {
            boolean all = true;
            for (String n : names) {
                if (!h.served().matches(n)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    // ---- ACME ----------------------------------------------------------------------------------------------------

    private void obtain(Domain domain, String store) throws AcmeException, InterruptedException {
        List<String> names = TlsTermination.domainNames(domain);
        LOG.debug("resolver {}: loading ACME certificate {}", name, names);
        Session session = session();
        Account account = account(session);
        OrderBuilder builder = account.newOrder().domains(names);
        if (config.profile() != null && !config.profile().isEmpty()) {
            builder.profile(config.profile());
        }
        Order order = builder.create();
        for (Authorization auth : order.getAuthorizations()) {
            authorize(auth);
        }
        KeyPair domainKey = AcmeKeys.newCertificateKey(config.keyType());
        order.execute(domainKey);
        Status status = order.waitForCompletion(config.certificateTimeout().value().plusSeconds(30));
        if (status != Status.VALID) {
            throw new AcmeException("order ended " + status + order.getError().map(p -> ": " + p).orElse(""));
        }
        Certificate certificate = order.getCertificate();
        if (config.preferredChain() != null && !config.preferredChain().isEmpty()) {
            certificate = certificate.findCertificate(config.preferredChain()).orElse(certificate);
        }
        List<X509Certificate> chain = certificate.getCertificateChain();
        String keyPem = Pem.encode(domainKey.getPrivate());
        String certPem = Pem.encode(chain);
        var stored = new AcmeStorage.StoredCertificate(AcmeStorage.StoredDomain.of(domain),
                certPem.getBytes(StandardCharsets.US_ASCII), keyPem.getBytes(StandardCharsets.US_ASCII),
                store == null || store.isEmpty() ? TlsTermination.DEFAULT_STORE : store);
        ServedCertificate served = ServedCertificate.of(domainKey.getPrivate(), chain);
        synchronized (this) {
            List<Held> next = new ArrayList<>();
            for (Held h : held) {
                if (!sameDomain(h.stored().domain(), stored.domain())) {
                    next.add(h);
                }
            }
            next.add(new Held(stored, served));
            List<AcmeStorage.StoredCertificate> toStore = new ArrayList<>();
            for (Held h : next) {
                toStore.add(h.stored());
            }
            storage.saveCertificates(name, toStore);
            held = List.copyOf(next);
        }
        LOG.info("resolver {}: obtained ACME certificate for {} (valid until {})", name, names,
                served.leaf().getNotAfter().toInstant());
        onChange.run();
    }

    private static boolean sameDomain(AcmeStorage.StoredDomain a, AcmeStorage.StoredDomain b) {
        return TlsTermination.domainNames(a.toDomain()).equals(TlsTermination.domainNames(b.toDomain()));
    }

    private void authorize(Authorization auth) throws AcmeException, InterruptedException {
        if (auth.getStatus() == Status.VALID) {
            return;
        }
        String domain = auth.getIdentifier().getDomain();
        Duration timeout = config.certificateTimeout().value().plusSeconds(30);
        if (config.httpChallenge() != null) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class)
                    .orElseThrow(() -> new AcmeException("no http-01 challenge offered for " + domain));
            httpTokens.put(challenge.getToken(), challenge.getAuthorization());
            try {
                delay(config.httpChallenge().delay());
                challenge.trigger();
                check(challenge, challenge.waitForCompletion(timeout), domain);
            } finally {
                httpTokens.remove(challenge.getToken());
            }
        } else {
            TlsAlpn01Challenge challenge = auth.findChallenge(TlsAlpn01Challenge.class)
                    .orElseThrow(() -> new AcmeException("no tls-alpn-01 challenge offered for " + domain));
            KeyPair key = AcmeKeys.newCertificateKey("RSA2048"); // acme4j signs the validation certificate with RSA
            X509Certificate cert = challenge.createCertificate(key, auth.getIdentifier());
            alpnCertificates.put(domain, ServedCertificate.of(key.getPrivate(), List.of(cert)));
            try {
                delay(config.tlsChallenge().delay());
                challenge.trigger();
                check(challenge, challenge.waitForCompletion(timeout), domain);
            } finally {
                alpnCertificates.remove(domain);
            }
        }
    }

    private static void delay(io.trafficcop.proxy.config.GoDuration d) throws InterruptedException {
        if (d != null && !d.value().isZero()) {
            Thread.sleep(d.value()); // the challenge's configured propagation delay, on the resolver's thread
        }
    }

    private static void check(Challenge challenge, Status status, String domain) throws AcmeException {
        if (status != Status.VALID) {
            throw new AcmeException(challenge.getType() + " challenge for " + domain + " ended " + status
                    + challenge.getError().map(p -> ": " + p).orElse(""));
        }
    }

    private Session session() {
        SSLContext trust = caTrust;
        NetworkSettings settings = new NetworkSettings();
        settings.setTimeout(config.clientTimeout().value());
        GenericAcmeProvider provider = new GenericAcmeProvider() {
            @Override
            protected HttpConnector createHttpConnector(NetworkSettings networkSettings) {
                return new HttpConnector(networkSettings) {
                    @Override
                    public java.net.http.HttpClient.Builder createClientBuilder() {
                        var b = super.createClientBuilder();
                        return trust == null ? b : b.sslContext(trust);
                    }
                };
            }
        };
        Session session = new Session(URI.create(config.caServer()), provider);
        session.networkSettings().setTimeout(config.clientTimeout().value());
        return session;
    }

    private Account account(Session session) throws AcmeException {
        AcmeStorage.Account stored = storage.get(name).account();
        String email = config.email() == null ? "" : config.email();
        KeyPair key;
        if (stored != null && stored.privateKey() != null && email.equals(stored.email() == null ? "" : stored.email())) {
            key = AcmeKeys.fromPkcs1(stored.privateKey());
        } else {
            key = AcmeKeys.newAccountKey(accountKeyBits);
        }
        AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(key);
        if (!email.isEmpty()) {
            builder.addEmail(email);
        }
        if (config.eab() != null) {
            builder.withKeyIdentifier(config.eab().kid(), config.eab().hmacEncoded());
        }
        Account account = builder.create(session);
        URL location = account.getLocation();
        if (stored == null || stored.registration() == null || !location.toString().equals(stored.registration().uri())
                || stored.privateKey() == null) {
            JsonNode body;
            try {
                body = JSON.readTree(account.getJSON().toString());
            } catch (java.io.IOException e) {
                body = null;
            }
            storage.saveAccount(name, new AcmeStorage.Account(email,
                    new AcmeStorage.Registration(body, location.toString()), AcmeKeys.toPkcs1(key.getPrivate()), null));
        }
        return account;
    }

    private List<Held> load() {
        List<Held> out = new ArrayList<>();
        AcmeStorage.ResolverData data = storage.get(name);
        if (data.certificates() == null) {
            return List.of();
        }
        for (AcmeStorage.StoredCertificate c : data.certificates()) {
            try {
                ServedCertificate served = ServedCertificate.fromPem(
                        new String(c.certificate(), StandardCharsets.US_ASCII), new String(c.key(), StandardCharsets.US_ASCII));
                out.add(new Held(c, served));
            } catch (IllegalArgumentException e) {
                LOG.error("resolver {}: stored certificate for {} is unreadable (it will be renewed): {}", name,
                        c.domain() == null ? "?" : c.domain().main(), e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** The trust for the CA server: caCertificates (+ the system pool with caSystemCertPool), or the JDK default. */
    private static SSLContext caTrust(String prefix, Acme config) {
        if (config.caCertificates() == null || config.caCertificates().isEmpty()) {
            return null;
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (String ca : config.caCertificates()) {
                List<X509Certificate> certs = Pem.certificates(FileOrContent.read(ca));
                if (certs.isEmpty()) {
                    throw new IllegalArgumentException("no certificate in " + FileOrContent.describe(ca));
                }
                for (X509Certificate c : certs) {
                    ks.setCertificateEntry("ca" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            List<TrustManager> managers = new ArrayList<>(List.of(tmf.getTrustManagers()));
            if (Boolean.TRUE.equals(config.caSystemCertPool())) {
                TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                system.init((KeyStore) null);
                X509TrustManager own = (X509TrustManager) managers.getFirst();
                X509TrustManager sys = (X509TrustManager) system.getTrustManagers()[0];
                managers = List.of(new EitherTrustManager(own, sys));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, managers.toArray(TrustManager[]::new), null);
            return ctx;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "caCertificates: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException(prefix + "caCertificates: " + e.getMessage(), e);
        }
    }

    /** Trusts a server either trust manager trusts (caCertificates plus the system pool). */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (java.security.cert.CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(X509Certificate[]::new);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
