package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A configuration source read into a tree, with the line each key stood on.
 *
 * @param source the file (or "flags", "environment") it came from, as shown in problems
 * @param root the tree; keys as the user wrote them until a {@link SchemaWalker} canonicalises them
 * @param lines 1-based line of each value, keyed by its raw path (keys as written, {@code [i]} for list items)
 */
public record ConfigDocument(String source, ObjectNode root, Map<String, Integer> lines) {

    /** The line of the value at a raw path, or of its nearest ancestor that has one; 0 when unknown. */
    public int lineOf(String rawPath) {
        String path = rawPath;
        while (true) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) {
                return 0;
            }
            path = path.substring(0, cut);
        }
    }
}
