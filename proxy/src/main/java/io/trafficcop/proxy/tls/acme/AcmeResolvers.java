package io.trafficcop.proxy.tls.acme;

import io.trafficcop.proxy.config.install.CertificateResolver;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.types.Domain;
import io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates;
import io.trafficcop.proxy.tls.TlsTermination;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACME certificate resolvers of the static configuration ({@code certificatesResolvers.<name>.acme}),
 * for the life of the process: one storage per acme.json file, one HTTP-01 token registry, the TLS-ALPN-01
 * certificates shared with TLS termination. Routers ask for their domains at each compile; a resolver that
 * obtains or renews a certificate calls {@code onChange} so that a new snapshot serves it.
 */
public final class AcmeResolvers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeResolvers.class);

    private final Map<String, AcmeResolver> resolvers;
    private final Map<String, String> httpChallengeEntryPoints;
    private final HttpChallengeTokens httpTokens;

    private AcmeResolvers(Map<String, AcmeResolver> resolvers, Map<String, String> httpChallengeEntryPoints,
            HttpChallengeTokens httpTokens) {
        this.resolvers = resolvers;
        this.httpChallengeEntryPoints = httpChallengeEntryPoints;
        this.httpTokens = httpTokens;
    }

    public static AcmeResolvers none() {
        return new AcmeResolvers(Map.of(), Map.of(), new HttpChallengeTokens());
    }

    /**
     * @throws IllegalArgumentException naming the option when a resolver's configuration is invalid
     */
    public static AcmeResolvers of(StaticConfiguration config, TlsAlpnChallengeCertificates challenges,
            Runnable onChange) {
        Map<String, CertificateResolver> configured = config.certificatesResolvers() == null ? Map.of()
                : config.certificatesResolvers();
        HttpChallengeTokens tokens = new HttpChallengeTokens();
        Map<String, AcmeStorage> storages = new HashMap<>();
        Map<String, AcmeResolver> resolvers = new LinkedHashMap<>();
        Map<String, String> httpEntryPoints = new LinkedHashMap<>();
        for (Map.Entry<String, CertificateResolver> entry : configured.entrySet()) {
            var acme = entry.getValue() == null ? null : entry.getValue().acme();
            if (acme == null) {
                continue;
            }
            AcmeStorage storage = storages.computeIfAbsent(acme.storage(), path -> new AcmeStorage(Path.of(path)));
            resolvers.put(entry.getKey(), new AcmeResolver(entry.getKey(), acme, storage, tokens, challenges, onChange));
            if (acme.httpChallenge() != null) {
                httpEntryPoints.put(entry.getKey(), acme.httpChallenge().entryPoint());
            }
        }
        return new AcmeResolvers(resolvers, httpEntryPoints, tokens);
    }

    public void start() {
        resolvers.values().forEach(AcmeResolver::start);
    }

    /** Every certificate the resolvers hold, to serve beside the configured ones. */
    public List<TlsTermination.ExtraCertificate> certificates() {
        List<TlsTermination.ExtraCertificate> certificates = new ArrayList<>();
        resolvers.values().forEach(resolver -> certificates.addAll(resolver.certificates()));
        return certificates;
    }

    /**
     * Asks resolver {@code name} for the certificates of a router (obtained in the background).
     *
     * @return false when there is no such resolver
     */
    public boolean resolve(String name, List<String> ruleHosts, List<Domain> tlsDomains) {
        AcmeResolver resolver = resolvers.get(name);
        if (resolver == null) {
            return false;
        }
        List<Domain> domains = AcmeResolver.domainsOf(ruleHosts, tlsDomains);
        if (!domains.isEmpty()) {
            resolver.resolve(domains);
        }
        return true;
    }

    /** The entry points that must answer HTTP-01 challenges. */
    public Set<String> httpChallengeEntryPoints() {
        return Set.copyOf(httpChallengeEntryPoints.values());
    }

    public HttpChallengeTokens httpTokens() {
        return httpTokens;
    }

    @Override
    public void close() {
        resolvers.values().forEach(resolver -> {
            try {
                resolver.close();
            } catch (RuntimeException e) {
                LOG.debug("closing resolver {}: {}", resolver.name(), e.toString());
            }
        });
    }
}
