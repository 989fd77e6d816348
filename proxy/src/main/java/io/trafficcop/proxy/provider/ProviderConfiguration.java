package io.trafficcop.proxy.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.load.FrozenMap;
import io.trafficcop.proxy.config.validate.Location;
import io.trafficcop.proxy.config.validate.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One provider's dynamic configuration: a canonical tree (checked by the schema walker, so it binds) and
 * what was found wrong in it. Elements with errors have been removed from the tree; their errors stay here.
 *
 * @param provider the provider name used in qualified names, e.g. {@code file} in {@code whoami@file}
 * @param tree the merged, canonical configuration tree
 * @param errors problems that disabled part of the configuration
 * @param warnings problems that did not (such as recognized options not implemented yet)
 * @param locations where each value (by canonical path, such as {@code http.routers.r.rule}) was written
 * @param brokenElements paths of the elements with errors ({@code http.routers.r}), to disable
 */
public record ProviderConfiguration(String provider, ObjectNode tree, List<Problem> errors, List<Problem> warnings,
        Map<String, Location> locations, Set<String> brokenElements) {

    public ProviderConfiguration {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        locations = FrozenMap.copyOf(locations); // the merger's view is handed over, not copied
        brokenElements = Set.copyOf(brokenElements);
    }

    public ProviderConfiguration(String provider, ObjectNode tree, List<Problem> errors, List<Problem> warnings) {
        this(provider, tree, errors, warnings, Map.of(), Set.of());
    }

    /** Where the value at {@code path}, or its nearest ancestor, was written. */
    public Location locationOf(String path) {
        String current = path;
        while (true) {
            Location location = locations.get(current);
            if (location != null) {
                return location;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            if (cut <= 0) {
                return errors.isEmpty() && locations.isEmpty() ? Location.UNKNOWN
                        : locations.values().stream().findFirst().map(l -> new Location(l.file(), 0)).orElse(Location.UNKNOWN);
            }
            current = current.substring(0, cut);
        }
    }
}
