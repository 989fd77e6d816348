package io.trafficcop.proxy.tls.acme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.types.Domain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's ACME storage file ({@code certificatesResolvers.<name>.acme.storage}, default {@code acme.json}) in
 * Traefik's own format, so an existing file works unchanged and a file written here works with Traefik:
 * <pre>
 * { "&lt;resolver&gt;": {
 *     "Account": { "Email": "...", "Registration": {"body": {...}, "uri": "..."}, "PrivateKey": "&lt;base64 PKCS#1 DER&gt;" },
 *     "Certificates": [ { "domain": {"main": "...", "sans": [...]}, "certificate": "&lt;base64 PEM chain&gt;",
 *                         "key": "&lt;base64 PEM key&gt;", "Store": "default" } ] } }
 * </pre>
 * Several resolvers may share one file. Writes replace the file atomically (temporary file + rename) with mode 0600;
 * certificate entries with an empty certificate or key are dropped on load, as Traefik does.
 */
public final class AcmeStorage {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Traefik's {@code acme.Account}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(
            @JsonProperty("Email") String email,
            @JsonProperty("Registration") Registration registration,
            @JsonProperty("PrivateKey") byte[] privateKey,
            @JsonProperty("KeyType") String keyType) {
    }

    /** lego's registration resource: the account body as the CA returned it, and the account URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registration(@JsonProperty("body") JsonNode body, @JsonProperty("uri") String uri) {
    }

    /** Traefik's {@code acme.CertAndStore}: the domain, the PEM chain, the PEM key, the TLS store. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredCertificate(
            @JsonProperty("domain") StoredDomain domain,
            @JsonProperty("certificate") byte[] certificate,
            @JsonProperty("key") byte[] key,
            @JsonProperty("Store") String store) {
    }

    /** Traefik's {@code types.Domain} as JSON. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StoredDomain(@JsonProperty("main") String main, @JsonProperty("sans") List<String> sans) {

        public static StoredDomain of(Domain d) {
            return new StoredDomain(d.main(), d.sans());
        }

        public Domain toDomain() {
            return new Domain(main, sans);
        }
    }

    /** One resolver's data ({@code acme.StoredData}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResolverData(
            @JsonProperty("Account") Account account,
            @JsonProperty("Certificates") List<StoredCertificate> certificates) {

        public ResolverData {
            certificates = certificates == null ? null : List.copyOf(certificates);
        }
    }

    private final Path file;
    private Map<String, ResolverData> data;

    public AcmeStorage(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The resolver's stored data (empty when the file or the resolver's entry does not exist). */
    public synchronized ResolverData get(String resolver) {
        load();
        ResolverData d = data.get(resolver);
        return d == null ? new ResolverData(null, null) : d;
    }

    public synchronized void saveAccount(String resolver, Account account) {
        ResolverData d = get(resolver);
        data.put(resolver, new ResolverData(account, d.certificates()));
        write();
    }

    public synchronized void saveCertificates(String resolver, List<StoredCertificate> certificates) {
        ResolverData d = get(resolver);
        data.put(resolver, new ResolverData(d.account(), certificates));
        write();
    }

    private void load() {
        if (data != null) {
            return;
        }
        data = new LinkedHashMap<>();
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            JsonNode root = JSON.readTree(file.toFile());
            if (!(root instanceof ObjectNode obj)) {
                throw new IllegalArgumentException("acme storage " + file + ": not a JSON object");
            }
            boolean dropped = false;
            for (var it = obj.fields(); it.hasNext(); ) {
                var e = it.next();
                ResolverData d = JSON.treeToValue(e.getValue(), ResolverData.class);
                if (d.certificates() != null) {
                    List<StoredCertificate> kept = new ArrayList<>();
                    for (StoredCertificate c : d.certificates()) {
                        if (c.certificate() != null && c.certificate().length > 0 && c.key() != null && c.key().length > 0) {
                            kept.add(c);
                        }
                    }
                    if (kept.size() < d.certificates().size()) {
                        dropped = true;
                        d = new ResolverData(d.account(), kept);
                    }
                }
                data.put(e.getKey(), d);
            }
            if (dropped) {
                write();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("acme storage " + file + ": " + e.getMessage(), e);
        }
    }

    private void write() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                JSON.writeValue(tmp.toFile(), data);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("acme storage " + file + ": " + e.getMessage(), e);
        }
    }
}
