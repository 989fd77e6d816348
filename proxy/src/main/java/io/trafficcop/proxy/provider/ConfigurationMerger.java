package io.trafficcop.proxy.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.load.FrozenMap;
import io.trafficcop.proxy.config.validate.Location;
import io.trafficcop.proxy.config.validate.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the dynamic configuration trees of several files of one provider as Traefik's file provider
 * does: a router, service, middleware, transport, TLS store or option defined identically in several
 * files is kept once; defined differently, it is dropped everywhere with an error naming the files; TLS
 * certificates are concatenated without duplicates.
 */
public final class ConfigurationMerger {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode merged = NODES.objectNode();
    /** Per collection path ({@code http.routers}): the file each resource came from, and the resources in conflict. */
    private final Map<String, Map<String, String>> origins = new HashMap<>();
    private final Map<String, Set<String>> conflicts = new HashMap<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<DocumentLocations.Source> locations = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();

    /**
     * Adds one file's canonical tree: top-level sections ({@code http}, {@code tcp}, {@code udp},
     * {@code tls}) hold named collections whose entries are the resources.
     */
    public void add(CheckedDocument document) {
        locations.add(new DocumentLocations.Source(document.source(), document.lines()));
        broken.addAll(document.brokenElements());
        add(document.source(), document.tree());
    }

    /**
     * Where each merged value was written, by canonical path (the first file that has it), looked up in the
     * documents' own line maps when asked.
     */
    public Map<String, Location> locations() {
        return FrozenMap.adopt(new DocumentLocations(locations));
    }

    /** Paths of the elements that had errors ({@code http.routers.r}): the runtime disables them. */
    public Set<String> brokenElements() {
        return Set.copyOf(broken);
    }

    /** Adds a tree with no line information. */
    public void add(String source, ObjectNode tree) {
        tree.properties().forEach(section -> {
            if (!(section.getValue() instanceof ObjectNode sectionNode)) {
                return;
            }
            ObjectNode mergedSection = merged.get(section.getKey()) instanceof ObjectNode existing
                    ? existing : merged.putObject(section.getKey());
            sectionNode.properties().forEach(collection -> mergeCollection(source,
                    section.getKey() + "." + collection.getKey(), mergedSection, collection.getKey(),
                    collection.getValue()));
        });
    }

    private void mergeCollection(String source, String path, ObjectNode section, String name, JsonNode value) {
        if (value instanceof ArrayNode items) {
            ArrayNode mergedItems = section.get(name) instanceof ArrayNode existing ? existing : section.putArray(name);
            for (JsonNode item : items) {
                if (!contains(mergedItems, item)) {
                    mergedItems.add(item);
                }
            }
            return;
        }
        if (!(value instanceof ObjectNode resources)) {
            section.set(name, value);
            return;
        }
        ObjectNode mergedResources = section.get(name) instanceof ObjectNode existing ? existing : section.putObject(name);
        // the paths of resources are strings only in an error: one file of 10,000 routers builds none
        Map<String, String> originOf = origins.computeIfAbsent(path, p -> new HashMap<>());
        Set<String> inConflict = conflicts.computeIfAbsent(path, p -> new HashSet<>());
        resources.properties().forEach(resource -> {
            String resourceName = resource.getKey();
            JsonNode previous = mergedResources.get(resourceName);
            if (previous == null && !inConflict.contains(resourceName)) {
                mergedResources.set(resourceName, resource.getValue());
                originOf.put(resourceName, source);
            } else if (previous != null && !previous.equals(resource.getValue())) {
                inConflict.add(resourceName);
                errors.add(new Problem(source, 0, path + "." + resourceName,
                        "defined multiple times with different configurations (also in " + originOf.get(resourceName)
                                + "): dropped"));
                mergedResources.remove(resourceName);
            } else if (inConflict.contains(resourceName)) {
                errors.add(new Problem(source, 0, path + "." + resourceName,
                        "defined multiple times with different configurations: dropped"));
            }
        });
    }

    private static boolean contains(ArrayNode items, JsonNode item) {
        Iterator<JsonNode> it = items.elements();
        while (it.hasNext()) {
            if (it.next().equals(item)) {
                return true;
            }
        }
        return false;
    }

    public ObjectNode merged() {
        return merged;
    }

    public List<Problem> errors() {
        return List.copyOf(errors);
    }
}
