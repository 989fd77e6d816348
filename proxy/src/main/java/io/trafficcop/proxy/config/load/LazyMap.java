package io.trafficcop.proxy.config.load;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * An unmodifiable map worked out on first use. The lines of a dynamic file's values are only needed to place a
 * problem, so they are found again (by reading the same text once more) when one is reported: a reload of 10,000
 * routers no longer builds two maps of 100,000 paths, of which it typically reads none.
 */
final class LazyMap<K, V> extends AbstractMap<K, V> {

    private Supplier<Map<K, V>> supplier;
    private Map<K, V> map;

    LazyMap(Supplier<Map<K, V>> supplier) {
        this.supplier = supplier;
    }

    private synchronized Map<K, V> map() {
        if (map == null) {
            map = Map.copyOf(supplier.get());
            supplier = null; // lets go of what it was worked out from
        }
        return map;
    }

    @Override
    public V get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return map().isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map().forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return map().entrySet();
    }
}
