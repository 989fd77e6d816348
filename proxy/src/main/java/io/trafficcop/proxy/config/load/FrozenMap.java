package io.trafficcop.proxy.config.load;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map over a map that its builder handed over and no longer touches, so that passing it on costs
 * nothing. {@link Map#copyOf} would rebuild it at every hand-over: the locations of the 100,000 values of 10,000
 * routers were copied twice per reload (tens of milliseconds each in a JVM that has not compiled that code yet).
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> map;

    private FrozenMap(Map<K, V> map) {
        this.map = map;
    }

    /** Takes {@code map} over: the caller must not change it afterwards. */
    public static <K, V> Map<K, V> adopt(Map<K, V> map) {
        return map instanceof FrozenMap<K, V> ? map : new FrozenMap<>(map);
    }

    /** {@code map} itself when it is a frozen one, otherwise {@link Map#copyOf}. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return map instanceof FrozenMap<K, V> ? map : Map.copyOf(map);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(map).entrySet();
    }
}
