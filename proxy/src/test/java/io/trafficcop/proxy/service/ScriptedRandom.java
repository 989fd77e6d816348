package io.trafficcop.proxy.service;

import java.util.random.RandomGenerator;

/** A random source replaying a fixed sequence (Traefik's mockRand): nextInt(n) returns the next value. */
public final class ScriptedRandom implements RandomGenerator {

    private final int[] values;
    private int index;

    public ScriptedRandom(int... values) {
        this.values = values;
    }

    @Override
    public int nextInt(int bound) {
        return values[index++ % values.length];
    }

    @Override
    public long nextLong(long bound) {
        return values[index++ % values.length];
    }

    @Override
    public long nextLong() {
        return values[index++ % values.length];
    }
}
