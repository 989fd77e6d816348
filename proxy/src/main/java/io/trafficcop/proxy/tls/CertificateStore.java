package io.trafficcop.proxy.tls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Traefik TLS store ({@code tls.stores.<name>}): its certificates indexed by their sorted names, and its default
 * certificate. Immutable; built per configuration snapshot.
 *
 * <p>{@link #best} follows Traefik's {@code CertificateStore.GetBestCertificate}: certificate keys are tried in
 * reverse lexical order and the first one with a name equal to the server name, or a wildcard name equal to the
 * server name with its first label replaced by {@code *}, wins. Results are cached per server name.
 */
public final class CertificateStore {

    private static final Object NONE = new Object();

    private final String name;
    private final Map<String, ServedCertificate> byKey; // reverse-sorted keys
    private final CompletableFuture<ServedCertificate> configuredDefault; // null: the generated one
    private final Supplier<CompletableFuture<ServedCertificate>> generatedDefault;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    /**
     * @param defaultCertificate the store's default certificate; null: Traefik's generated one
     *                           ({@link DefaultCertificate#sharedAsync()}), generated when first needed
     */
    public CertificateStore(String name, List<ServedCertificate> certificates, ServedCertificate defaultCertificate) {
        this(name, certificates, defaultCertificate, DefaultCertificate::sharedAsync);
    }

    /** @param generatedDefault the generated default certificate, asked for when first needed (tests pass their own) */
    CertificateStore(String name, List<ServedCertificate> certificates, ServedCertificate defaultCertificate,
                     Supplier<CompletableFuture<ServedCertificate>> generatedDefault) {
        this.name = name;
        Map<String, ServedCertificate> unique = new LinkedHashMap<>();
        for (ServedCertificate c : certificates) {
            unique.putIfAbsent(c.storeKey(), c); // Traefik keeps the first certificate of a given key
        }
        List<String> keys = new ArrayList<>(unique.keySet());
        keys.sort(Collections.reverseOrder());
        Map<String, ServedCertificate> sorted = new LinkedHashMap<>();
        for (String k : keys) {
            sorted.put(k, unique.get(k));
        }
        this.byKey = Collections.unmodifiableMap(sorted);
        this.configuredDefault = defaultCertificate == null ? null : CompletableFuture.completedFuture(defaultCertificate);
        this.generatedDefault = generatedDefault;
    }

    public String name() {
        return name;
    }

    /**
     * The store's default: its {@code defaultCertificate}, an ACME {@code defaultGeneratedCert}, or the generated one
     * (which may still be being generated: the future completes on the generating thread).
     */
    public CompletableFuture<ServedCertificate> defaultCertificate() {
        return configuredDefault == null ? generatedDefault.get() : configuredDefault;
    }

    /** Whether the default is Traefik's generated certificate. */
    public boolean generatesDefaultCertificate() {
        return configuredDefault == null;
    }

    public Map<String, ServedCertificate> certificates() {
        return byKey;
    }

    /** The certificate for {@code serverName} (already trimmed and lower-cased), or null when none matches. */
    public ServedCertificate best(String serverName) {
        String sni = serverName.strip().toLowerCase(Locale.ROOT);
        Object cached = cache.get(sni);
        if (cached != null) {
            return cached == NONE ? null : (ServedCertificate) cached;
        }
        ServedCertificate found = null;
        for (ServedCertificate c : byKey.values()) {
            if (c.matches(sni)) {
                found = c;
                break;
            }
        }
        if (cache.size() < 10_000) { // bounded: SNI values are client-chosen
            cache.put(sni, found == null ? NONE : found);
        }
        return found;
    }

    /** Traefik's {@code GetCertificate}: the first certificate whose names contain every one of {@code domains}. */
    public ServedCertificate covering(List<String> domains) {
        for (ServedCertificate c : byKey.values()) {
            boolean all = true;
            for (String d : domains) {
                boolean one = false;
                for (String n : c.names()) {
                    if (ServedCertificate.matches(d.toLowerCase(Locale.ROOT), n)) {
                        one = true;
                        break;
                    }
                }
                if (!one) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return c;
            }
        }
        return null;
    }
}
