package io.trafficcop.proxy.provider;

import io.trafficcop.proxy.config.validate.Location;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of several documents was written, by canonical path; where documents share a path, the first
 * one added wins. Looked up on demand rather than gathered into one map: a reload of 10,000 routers has 100,000
 * locations and needs, typically, none of them (they only place problems).
 */
final class DocumentLocations extends AbstractMap<String, Location> {

    /** One document's lines by canonical path. */
    record Source(String file, Map<String, Integer> lines) {
    }

    private final List<Source> sources;
    private Map<String, Location> all;

    DocumentLocations(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Location get(Object path) {
        for (Source source : sources) {
            Integer line = source.lines().get(path);
            if (line != null) {
                return new Location(source.file(), line);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object path) {
        for (Source source : sources) {
            if (source.lines().containsKey(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isEmpty() {
        for (Source source : sources) {
            if (!source.lines().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int size() {
        return all().size();
    }

    @Override
    public Set<Entry<String, Location>> entrySet() {
        return all().entrySet();
    }

    /** Every location, gathered on the first iteration. */
    private synchronized Map<String, Location> all() {
        if (all == null) {
            Map<String, Location> gathered = new LinkedHashMap<>();
            for (Source source : sources) {
                source.lines().forEach((path, line) -> gathered.putIfAbsent(path, new Location(source.file(), line)));
            }
            all = Collections.unmodifiableMap(gathered);
        }
        return all;
    }
}
