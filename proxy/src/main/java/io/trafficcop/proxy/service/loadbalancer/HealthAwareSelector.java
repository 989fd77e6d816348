package io.trafficcop.proxy.service.loadbalancer;

import io.trafficcop.proxy.service.ServerSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The shared part of Traefik's p2c, hrw, leasttime (and TrafficCop's leastconn and random) balancers: the members in
 * insertion order, which are down ({@link #setStatus}) or fenced, and an immutable list of the currently selectable
 * ones (up and not fenced), rebuilt on each change so that {@link #next} reads it without locking.
 *
 * @param <T> the selected item
 */
public abstract class HealthAwareSelector<T> implements ServerSelector<T> {

    /** A member: its name, item and weight. */
    public record Member<T>(String name, T item, int weight) {
    }

    private final List<Member<T>> members = new ArrayList<>();
    private final Set<String> down = new HashSet<>();
    private final Set<String> fenced = new HashSet<>();
    private volatile List<Member<T>> selectable = List.of();

    /** Whether a member with this weight is kept (Traefik ignores non-positive weights, except p2c). */
    protected boolean accepts(int weight) {
        return weight > 0;
    }

    /** Adds a member (up); ignored when its weight is not accepted. */
    public synchronized void add(String name, T item, int weight, boolean isFenced) {
        if (!accepts(weight)) {
            return;
        }
        members.add(new Member<>(name, item, weight));
        if (isFenced) {
            fenced.add(name);
        }
        onAdded(members.get(members.size() - 1));
        rebuild();
    }

    /** Adds every item, named and weighted by the given functions. */
    public <S extends HealthAwareSelector<T>> S addAll(List<T> items, java.util.function.Function<T, String> name,
                                                        ToIntFunction<T> weight) {
        for (T item : items) {
            add(name.apply(item), item, weight.applyAsInt(item), false);
        }
        @SuppressWarnings("unchecked")
        S self = (S) this;
        return self;
    }

    /** Hook for strategies that keep per-member state. */
    protected void onAdded(Member<T> member) {
    }

    @Override
    public synchronized void setStatus(String name, boolean up) {
        boolean changed = up ? down.remove(name) : down.add(name);
        if (changed) {
            rebuild();
        }
    }

    /** The members that are up and not fenced, in insertion order. */
    protected final List<Member<T>> selectable() {
        return selectable;
    }

    private void rebuild() {
        List<Member<T>> list = new ArrayList<>(members.size());
        for (Member<T> m : members) {
            if (!down.contains(m.name()) && !fenced.contains(m.name())) {
                list.add(m);
            }
        }
        selectable = List.copyOf(list);
    }
}
