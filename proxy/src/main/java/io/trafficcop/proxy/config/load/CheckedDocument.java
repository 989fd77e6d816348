package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.validate.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configuration source read, expanded and checked against a record type: its canonical tree, ready to
 * bind, and every problem found. A source that does not parse at all has an empty tree and one error.
 */
public record CheckedDocument(String source, ObjectNode tree, List<Problem> errors, List<Problem> warnings,
        boolean parsed, Map<String, Integer> lines, Set<String> brokenElements) {

    public CheckedDocument {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        lines = FrozenMap.copyOf(lines); // the walker's map is handed over, not copied
        brokenElements = Set.copyOf(brokenElements);
    }

    public CheckedDocument(String source, ObjectNode tree, List<Problem> errors, List<Problem> warnings, boolean parsed) {
        this(source, tree, errors, warnings, parsed, Map.of(), Set.of());
    }

    /** Reads {@code file} (YAML or TOML by extension) and checks it against {@code rootType}. */
    public static CheckedDocument read(Path file, Class<?> rootType, Map<String, String> environment) {
        String source = file.toString();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return unparsed(source, "cannot read the file: " + e.getMessage());
        }
        return parse(source, content, rootType, environment);
    }

    /** Parses {@code content}, its format chosen by the extension of {@code source}. */
    public static CheckedDocument parse(String source, String content, Class<?> rootType, Map<String, String> environment) {
        ConfigFormat format = ConfigFormat.ofFileName(source).orElse(null);
        if (format == null) {
            return unparsed(source, "unsupported file extension: use .yml, .yaml or .toml");
        }
        ConfigDocument document;
        try {
            document = ConfigTreeReader.read(source, content, format, false);
        } catch (ConfigSyntaxException e) {
            return new CheckedDocument(source, JsonNodeFactory.instance.objectNode(), List.of(e.problem()), List.of(), false);
        }
        boolean expand = mayHoldVariables(content);
        if (expand) {
            EnvironmentExpansion.expand(document.root(), environment);
        }
        // the values' lines only place problems found later (a service that does not exist...): they are worked
        // out when first asked for, from the same text read, expanded and walked again, which gives the same lines
        SchemaWalker.Result result = SchemaWalker.walk(document, rootType, false);
        Map<String, Integer> lines = new LazyMap<>(() -> linesOf(source, content, format, rootType, environment));
        return new CheckedDocument(document.source(), document.root(), result.errors(), result.warnings(), true,
                FrozenMap.adopt(lines), result.brokenElements());
    }

    /** The canonical lines of a text that has been read once without error. */
    private static Map<String, Integer> linesOf(String source, String content, ConfigFormat format,
            Class<?> rootType, Map<String, String> environment) {
        ConfigDocument document;
        try {
            document = ConfigTreeReader.read(source, content, format, true);
        } catch (ConfigSyntaxException e) {
            throw new IllegalStateException("a text read once did not read again: " + e.getMessage(), e);
        }
        return check(document, rootType, environment, mayHoldVariables(content)).lines();
    }

    /**
     * Whether a value of the text may contain a {@code $}: written as such, or through an escape sequence. Without,
     * the tree need not be walked for variables (a walk of every value of 10,000 routers).
     */
    private static boolean mayHoldVariables(String content) {
        return content.indexOf('$') >= 0 || content.indexOf('\\') >= 0;
    }

    /** Checks an already-read document (flags, environment). */
    public static CheckedDocument check(ConfigDocument document, Class<?> rootType, Map<String, String> environment) {
        return check(document, rootType, environment, true);
    }

    private static CheckedDocument check(ConfigDocument document, Class<?> rootType, Map<String, String> environment,
            boolean expand) {
        if (expand) {
            EnvironmentExpansion.expand(document.root(), environment);
        }
        SchemaWalker.Result result = SchemaWalker.walk(document, rootType);
        return new CheckedDocument(document.source(), document.root(), result.errors(), result.warnings(), true,
                result.lines(), result.brokenElements());
    }

    private static CheckedDocument unparsed(String source, String message) {
        return new CheckedDocument(source, JsonNodeFactory.instance.objectNode(),
                List.of(new Problem(source, 0, "", message)), List.of(), false);
    }

    /** All problems, errors first. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }
}
