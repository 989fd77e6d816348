package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds the tree of a plain YAML document straight from SnakeYAML's event stream: one pass, and the tokens, events
 * and marks die as they are read. Composing SnakeYAML's node graph first keeps every node and its two marks alive
 * until the whole document is read (for 10,000 routers, tens of megabytes that each young collection copied).
 *
 * <p>Only the plain case is handled here: mappings with scalar keys, sequences and scalars, in one document. At the
 * first anchor, alias, merge key, non-scalar or repeated key, second document or nesting deeper than the loader
 * allows, it gives up and {@link YamlTreeReader} reads the document through the node graph, which implements those
 * and reports their errors.
 */
final class YamlEventTreeBuilder {

    /** Values this long or shorter are shared between the places they appear; longer ones are rarely repeated. */
    private static final int SHARED_VALUE_MAX_LENGTH = 64;

    private final Resolver resolver;
    private final int nestingDepthLimit;
    private final Map<String, Integer> lines;
    /**
     * One string per distinct key and one node per distinct short text value: SnakeYAML makes a new string for each
     * scalar, so 10,000 routers kept 10,000 copies of "rule", "service", "web"... in the tree the provider keeps and in
     * the records bound from it (and a reload's young collections copied each one). Text nodes are immutable.
     */
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, JsonNode> texts = new HashMap<>();

    /** Gives up on the document: the node graph reads it. */
    static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    /** An open mapping or sequence: its node, its path, and (for a mapping) the key waiting for its value. */
    private static final class Open {
        final JsonNode node;
        final String path;
        String key;
        String keyPath;

        Open(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }
    }

    YamlEventTreeBuilder(Resolver resolver, int nestingDepthLimit, Map<String, Integer> lines) {
        this.resolver = resolver;
        this.nestingDepthLimit = nestingDepthLimit;
        this.lines = lines;
    }

    /** The document's tree, null for an empty stream. */
    JsonNode build(Iterable<Event> events) throws NotPlain {
        Iterator<Event> it = events.iterator();
        Deque<Open> open = new ArrayDeque<>();
        JsonNode root = null;
        boolean documentSeen = false;
        while (it.hasNext()) {
            Event event = it.next();
            switch (event.getEventId()) {
                case StreamStart, StreamEnd, DocumentEnd, Comment -> {
                }
                case DocumentStart -> {
                    if (documentSeen) {
                        throw NOT_PLAIN;
                    }
                    documentSeen = true;
                }
                case Alias -> throw NOT_PLAIN;
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    noAnchor(scalar);
                    Tag tag = scalar.getTag() == null || scalar.getTag().equals("!")
                            ? resolver.resolve(NodeId.scalar, scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar())
                            : new Tag(scalar.getTag());
                    Open parent = open.peek();
                    if (parent != null && parent.node.isObject() && parent.key == null) {
                        key(parent, scalar, tag);
                    } else {
                        childPath(parent, event);
                        root = value(open, root, scalarNode(scalar.getValue(), tag));
                    }
                }
                case MappingStart, SequenceStart -> {
                    noAnchor((CollectionStartEvent) event);
                    Open parent = open.peek();
                    if (parent != null && parent.node.isObject() && parent.key == null) {
                        throw NOT_PLAIN; // a mapping or a list as a key
                    }
                    if (open.size() >= nestingDepthLimit) {
                        throw NOT_PLAIN;
                    }
                    // most mappings of a configuration have a few keys: a table of 4 instead of the default 16
                    JsonNode node = event.getEventId() == Event.ID.MappingStart
                            ? new ObjectNode(YamlTreeReader.NODES, LinkedHashMap.newLinkedHashMap(3))
                            : YamlTreeReader.NODES.arrayNode();
                    String path = childPath(parent, event);
                    root = value(open, root, node);
                    open.push(new Open(node, path));
                }
                case MappingEnd, SequenceEnd -> open.pop();
                default -> throw NOT_PLAIN;
            }
        }
        return root;
    }

    private void key(Open mapping, ScalarEvent key, Tag tag) throws NotPlain {
        if (Tag.MERGE.equals(tag) || mapping.node.has(key.getValue())) {
            throw NOT_PLAIN; // merge keys and repeated keys: the node graph applies or reports them
        }
        String name = keys.putIfAbsent(key.getValue(), key.getValue());
        mapping.key = name == null ? key.getValue() : name;
        if (lines != null) {
            mapping.keyPath = mapping.path.isEmpty() ? mapping.key : mapping.path + "." + mapping.key;
            lines.put(mapping.keyPath, key.getStartMark().getLine() + 1);
        }
    }

    /** A scalar's node; a short string's is shared with its other places in the document. */
    private JsonNode scalarNode(String value, Tag tag) {
        if (!Tag.STR.equals(tag) || value.length() > SHARED_VALUE_MAX_LENGTH) {
            return YamlTreeReader.scalar(value, tag);
        }
        return texts.computeIfAbsent(value, text -> YamlTreeReader.scalar(text, Tag.STR));
    }

    /** The path of the value {@code event} starts inside {@code parent}, recording a list item's line. */
    private String childPath(Open parent, Event event) {
        if (lines == null) {
            return null;
        }
        if (parent == null) {
            return "";
        }
        if (parent.node.isObject()) {
            return parent.keyPath;
        }
        String itemPath = parent.path + "[" + parent.node.size() + "]";
        lines.put(itemPath, event.getStartMark().getLine() + 1);
        return itemPath;
    }

    /** Puts {@code node} where it belongs: the root, the pending key's value, or the list's next item. */
    private static JsonNode value(Deque<Open> open, JsonNode root, JsonNode node) {
        Open parent = open.peek();
        if (parent == null) {
            return node;
        }
        if (parent.node.isObject()) {
            ((ObjectNode) parent.node).set(parent.key, node);
            parent.key = null;
        } else {
            ((ArrayNode) parent.node).add(node);
        }
        return root;
    }

    private static void noAnchor(NodeEvent event) throws NotPlain {
        if (event.getAnchor() != null) {
            throw NOT_PLAIN;
        }
    }
}
