package io.trafficcop.proxy.service.loadbalancer.wrr;

import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.ServerSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Traefik's weighted round robin ({@code loadBalancer.strategy: wrr}, pkg/server/service/loadbalancer/wrr):
 * earliest deadline first. Each server has a deadline; the one with the smallest is chosen and its deadline moves
 * by 1/weight. The heap follows Go's container/heap sift order exactly so that sequences match Traefik's
 * (ties included). Servers with a non-positive weight are ignored; down or fenced servers are skipped.
 *
 * @param <T> the selected item (a server or, for weighted services, a child service)
 */
public final class WeightedRoundRobin<T> implements ServerSelector<T> {

    private static final class Entry<T> {
        final String name;
        final T item;
        final double weight;
        double deadline;

        Entry(String name, T item, double weight) {
            this.name = name;
            this.item = item;
            this.weight = weight;
        }
    }

    private final List<Entry<T>> heap = new ArrayList<>();
    private final Set<String> up = new HashSet<>();
    private final Set<String> fenced = new HashSet<>();
    private double currentDeadline;

    /** Builds a balancer over {@code items}, named and weighted by the given functions (null weight = 1). */
    public static <T> WeightedRoundRobin<T> of(List<T> items, java.util.function.Function<T, String> name,
                                               ToIntFunction<T> weight) {
        WeightedRoundRobin<T> wrr = new WeightedRoundRobin<>();
        for (T item : items) {
            wrr.add(name.apply(item), item, weight.applyAsInt(item), false);
        }
        return wrr;
    }

    /** Traefik's {@code Add}: a server with a non-positive weight is not added. */
    public synchronized void add(String name, T item, int weight, boolean isFenced) {
        if (weight <= 0) {
            return;
        }
        Entry<T> e = new Entry<>(name, item, weight);
        e.deadline = currentDeadline + 1 / e.weight;
        push(e);
        up.add(name);
        if (isFenced) {
            fenced.add(name);
        }
    }

    @Override
    public synchronized void setStatus(String name, boolean isUp) {
        if (isUp) {
            up.add(name);
        } else {
            up.remove(name);
        }
    }

    /** Whether any server is up (for status propagation to parent services). */
    public synchronized boolean anyUp() {
        return !up.isEmpty();
    }

    @Override
    public synchronized T next(Exchange exchange) {
        if (heap.isEmpty() || up.isEmpty() || fenced.size() == heap.size()) {
            return null;
        }
        while (true) {
            Entry<T> e = pop();
            currentDeadline = e.deadline;
            e.deadline += 1 / e.weight;
            push(e);
            if (up.contains(e.name) && !fenced.contains(e.name)) {
                return e.item;
            }
            if (!hasSelectable()) {
                return null;
            }
        }
    }

    private boolean hasSelectable() {
        for (int i = 0; i < heap.size(); i++) {
            String n = heap.get(i).name;
            if (up.contains(n) && !fenced.contains(n)) {
                return true;
            }
        }
        return false;
    }

    // Go's container/heap: Push appends then sifts up; Pop swaps root with last, sifts down over n-1, removes last.

    private void push(Entry<T> e) {
        heap.add(e);
        up(heap.size() - 1);
    }

    private Entry<T> pop() {
        int n = heap.size() - 1;
        swap(0, n);
        down(0, n);
        return heap.remove(n);
    }

    private void up(int j) {
        while (true) {
            int i = (j - 1) / 2;
            if (i == j || !less(j, i)) {
                break;
            }
            swap(i, j);
            j = i;
        }
    }

    private void down(int i0, int n) {
        int i = i0;
        while (true) {
            int j1 = 2 * i + 1;
            if (j1 >= n || j1 < 0) {
                break;
            }
            int j = j1;
            int j2 = j1 + 1;
            if (j2 < n && less(j2, j1)) {
                j = j2;
            }
            if (!less(j, i)) {
                break;
            }
            swap(i, j);
            i = j;
        }
    }

    private boolean less(int i, int j) {
        return heap.get(i).deadline < heap.get(j).deadline;
    }

    private void swap(int i, int j) {
        Entry<T> t = heap.get(i);
        heap.set(i, heap.get(j));
        heap.set(j, t);
    }
}
