package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;

/** Binds a checked configuration tree (see {@link SchemaWalker}) to the configuration records. */
public final class ConfigBinder {

    private ConfigBinder() {
    }

    public static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return RecordBinder.bind(tree, type);
        } catch (RuntimeException e) {
            // the walker has checked every key and type, so this is a bug in a record, not in the input
            throw new IllegalStateException("cannot bind " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
