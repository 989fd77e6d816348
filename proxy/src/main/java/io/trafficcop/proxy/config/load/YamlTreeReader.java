package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML: a plain document straight from SnakeYAML's events ({@link YamlEventTreeBuilder}), any other through
 * SnakeYAML's node graph, which keeps each node's line and resolves anchors and aliases ({@code &common},
 * {@code *common}); merge keys ({@code <<: *common}) are applied here, with keys written in the mapping itself taking
 * precedence, as in Go's YAML decoder that Traefik uses.
 */
final class YamlTreeReader {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Never used to write: only because SnakeYAML's constructor with a resolver wants one. */
    private static final DumperOptions DUMPER = new DumperOptions();

    private final String source;
    private final Map<String, Integer> lines;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    private YamlTreeReader(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * @param lines where to record the line of each key and list item by raw path, or null to record none (and
     *     build no paths): then a key defined twice is reported without its path, to be read again with lines
     */
    static JsonNode read(String source, String content, Map<String, Integer> lines) throws ConfigSyntaxException {
        LoaderOptions options = options();
        PlainScalarResolver resolver = new PlainScalarResolver();
        Map<String, Integer> plainLines = lines == null ? null : new HashMap<>();
        try {
            JsonNode tree = new YamlEventTreeBuilder(resolver, options.getNestingDepthLimit(), plainLines)
                    .build(yaml(options, resolver).parse(new StringReader(content)));
            if (lines != null) {
                lines.putAll(plainLines);
            }
            return tree;
        } catch (YamlEventTreeBuilder.NotPlain | YAMLException e) {
            // anchors, merge keys, repeated keys, a syntax error...: the node graph reads it and says what is wrong
        }
        return readNodeGraph(source, content, lines);
    }

    /** Reads through SnakeYAML's node graph: anchors, aliases, merge keys, and the errors of a document. */
    static JsonNode readNodeGraph(String source, String content, Map<String, Integer> lines)
            throws ConfigSyntaxException {
        LoaderOptions options = options();
        Yaml yaml = yaml(options, new PlainScalarResolver());
        Node root;
        try {
            root = yaml.compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigSyntaxException(source, line, "cannot parse: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigSyntaxException(source, 0, "cannot parse: " + e.getMessage());
        }
        if (root == null) {
            return null;
        }
        return new YamlTreeReader(source, lines).convert(root, "");
    }

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(1000);
        return options;
    }

    static Yaml yaml(LoaderOptions options, PlainScalarResolver resolver) {
        return new Yaml(new Constructor(options), new Representer(DUMPER), DUMPER, options, resolver);
    }

    private JsonNode convert(Node node, String path) throws ConfigSyntaxException {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (inProgress.containsKey(node)) {
            throw new ConfigSyntaxException(source, line(node), "recursive alias");
        }
        inProgress.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    String itemPath = null;
                    if (lines != null) {
                        itemPath = path + "[" + i + "]";
                        lines.put(itemPath, line(items.get(i)));
                    }
                    array.add(convert(items.get(i), itemPath));
                }
                return array;
            }
            return mapping((MappingNode) node, path);
        } finally {
            inProgress.remove(node);
        }
    }

    private ObjectNode mapping(MappingNode mapping, String path) throws ConfigSyntaxException {
        ObjectNode object = NODES.objectNode();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode key && Tag.MERGE.equals(key.getTag())) {
                collectMerged(tuple.getValueNode(), merged);
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw new ConfigSyntaxException(source, line(keyNode), "keys must be plain strings");
            }
            String name = key.getValue();
            String childPath = null;
            if (lines != null) {
                childPath = path.isEmpty() ? name : path + "." + name;
            }
            if (object.has(name)) {
                throw new ConfigSyntaxException(source, line(keyNode), "key \"" + childPath + "\" is defined twice");
            }
            if (lines != null) {
                lines.put(childPath, line(keyNode));
            }
            object.set(name, convert(tuple.getValueNode(), childPath));
        }
        for (MappingNode source : merged) {
            ObjectNode mergedObject = mapping(source, path);
            mergedObject.properties().forEach(entry -> {
                if (!object.has(entry.getKey())) {
                    object.set(entry.getKey(), entry.getValue());
                }
            });
        }
        return object;
    }

    private void collectMerged(Node value, List<MappingNode> merged) throws ConfigSyntaxException {
        if (value instanceof MappingNode mappingNode) {
            merged.add(mappingNode);
        } else if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                collectMerged(item, merged);
            }
        } else {
            throw new ConfigSyntaxException(source, line(value), "a merge key (<<) needs a mapping or a list of mappings");
        }
    }

    /** Scalars keep the type YAML gives them where Traefik's decoder would too; anything unusual stays text. */
    private static JsonNode scalar(ScalarNode scalar) {
        return scalar(scalar.getValue(), scalar.getTag());
    }

    static JsonNode scalar(String value, Tag tag) {
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (value) {
                case "true", "True", "TRUE" -> NODES.booleanNode(true);
                case "false", "False", "FALSE" -> NODES.booleanNode(false);
                default -> NODES.textNode(value);
            };
        }
        if (Tag.INT.equals(tag)) {
            try {
                return NODES.numberNode(Long.parseLong(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return NODES.numberNode(Double.parseDouble(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
