package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads Traefik's static configuration from exactly one source, with Traefik's precedence: a
 * configuration file (named by {@code --configFile} or found by {@link StaticConfigFinder}) if there is
 * one; otherwise the command-line flags if any; otherwise the {@code TRAEFIK_*} environment variables;
 * otherwise the defaults. The sources are not merged, as in Traefik.
 *
 * <p>A static file may also carry dynamic sections ({@code http}, {@code tcp}, {@code udp}, {@code tls})
 * beside the static ones — the single-file form TrafficCop accepts in addition to Traefik's: they are
 * returned as {@link Loaded#inlineDynamic()} and served as if the file provider had read them.
 */
public final class StaticConfigLoader {

    private static final Set<String> DYNAMIC_SECTIONS = Set.of("http", "tcp", "udp", "tls");

    private StaticConfigLoader() {
    }

    /**
     * What was loaded.
     *
     * @param source the file, {@code flags}, {@code environment} or {@code defaults}
     * @param file the static file, when the configuration came from one
     * @param document the checked static document (canonical tree, problems)
     * @param inlineDynamic dynamic sections found in the static file, checked against the dynamic schema
     */
    public record Loaded(String source, Optional<Path> file, CheckedDocument document,
            Optional<CheckedDocument> inlineDynamic) {

        public List<Problem> errors() {
            List<Problem> errors = new ArrayList<>(document.errors());
            inlineDynamic.ifPresent(inline -> errors.addAll(inline.errors()));
            return errors;
        }

        public List<Problem> warnings() {
            List<Problem> warnings = new ArrayList<>(document.warnings());
            inlineDynamic.ifPresent(inline -> warnings.addAll(inline.warnings()));
            return warnings;
        }
    }

    /**
     * @param configFile the {@code --configFile} value, or null
     * @param flags the static-option flags (without {@code --configFile} and the command's own options)
     */
    public static Loaded load(String configFile, List<String> flags, Map<String, String> environment,
            StaticConfigFinder finder, Class<?> staticRoot, Class<?> dynamicRoot) {
        Optional<Path> file = configFile != null && !configFile.isEmpty()
                ? Optional.of(Path.of(configFile)) : finder.find();
        if (file.isPresent()) {
            if (!Files.isRegularFile(file.get())) {
                CheckedDocument missing = CheckedDocument.parse(file.get().toString(), "", staticRoot, environment);
                return new Loaded(file.get().toString(), file, withError(missing,
                        new Problem(file.get().toString(), 0, "", "configuration file not found")), Optional.empty());
            }
            return fromFile(file.get(), environment, staticRoot, dynamicRoot);
        }
        if (!flags.isEmpty()) {
            ConfigDocument document = FlagOptions.toDocument(flags, staticRoot);
            return new Loaded("flags", Optional.empty(), CheckedDocument.check(document, staticRoot, environment),
                    Optional.empty());
        }
        if (EnvironmentOptions.present(environment)) {
            ConfigDocument document = EnvironmentOptions.toDocument(environment, staticRoot);
            return new Loaded("environment", Optional.empty(),
                    CheckedDocument.check(document, staticRoot, Map.of()), Optional.empty());
        }
        ConfigDocument empty = new ConfigDocument("defaults",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Map.of());
        return new Loaded("defaults", Optional.empty(), CheckedDocument.check(empty, staticRoot, environment),
                Optional.empty());
    }

    private static Loaded fromFile(Path file, Map<String, String> environment, Class<?> staticRoot,
            Class<?> dynamicRoot) {
        String source = file.toString();
        String content;
        try {
            content = Files.readString(file);
        } catch (java.io.IOException e) {
            CheckedDocument unreadable = CheckedDocument.parse(source, "", staticRoot, environment);
            return new Loaded(source, Optional.of(file),
                    withError(unreadable, new Problem(source, 0, "", "cannot read the file: " + e.getMessage())),
                    Optional.empty());
        }
        Optional<ConfigFormat> format = ConfigFormat.ofFileName(source);
        if (format.isEmpty()) {
            return new Loaded(source, Optional.of(file), CheckedDocument.parse(source, content, staticRoot, environment),
                    Optional.empty());
        }
        ConfigDocument document;
        try {
            document = ConfigTreeReader.read(source, content, format.get());
        } catch (ConfigSyntaxException e) {
            return new Loaded(source, Optional.of(file), new CheckedDocument(source,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), List.of(e.problem()),
                    List.of(), false), Optional.empty());
        }
        ObjectNode dynamicPart = splitDynamicSections(document.root());
        CheckedDocument staticDocument = CheckedDocument.check(document, staticRoot, environment);
        Optional<CheckedDocument> inline = Optional.empty();
        if (!dynamicPart.isEmpty()) {
            inline = Optional.of(CheckedDocument.check(new ConfigDocument(source, dynamicPart, document.lines()),
                    dynamicRoot, environment));
        }
        return new Loaded(source, Optional.of(file), staticDocument, inline);
    }

    /** Moves the dynamic sections out of a static tree into a tree of their own. */
    static ObjectNode splitDynamicSections(ObjectNode root) {
        ObjectNode dynamic = root.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (DYNAMIC_SECTIONS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                dynamic.set(field.getKey(), field.getValue());
                fields.remove();
            }
        }
        return dynamic;
    }

    private static CheckedDocument withError(CheckedDocument document, Problem problem) {
        List<Problem> errors = new ArrayList<>(document.errors());
        errors.add(problem);
        return new CheckedDocument(document.source(), document.tree(), errors, document.warnings(), false);
    }
}
