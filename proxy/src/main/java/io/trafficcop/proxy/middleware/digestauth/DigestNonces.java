package io.trafficcop.proxy.middleware.digestauth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The server nonces a digestAuth middleware handed out, with the last nonce count each one was used with
 * (go-http-auth's client cache): about {@value #CACHE_SIZE} entries; past {@code CACHE_SIZE + TOLERANCE}, the
 * {@code 2 * TOLERANCE} least recently seen are dropped. Thread-safe.
 */
final class DigestNonces {

    static final int CACHE_SIZE = 1000;
    static final int TOLERANCE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a (cryptographically valid) request's nonce and nonce count amount to. */
    enum Use { ACCEPTED, UNKNOWN_NONCE, REPLAYED }

    private static final class Client {
        long nc;
        long lastSeen;
    }

    private final Map<String, Client> clients = new HashMap<>();
    private final LongSupplier clock;

    DigestNonces(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** go-http-auth's {@code RandomKey}: 12 random bytes in standard base64. */
    static String randomKey() {
        byte[] key = new byte[12];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A fresh nonce, remembered with count 0. */
    synchronized String issue() {
        if (clients.size() > CACHE_SIZE + TOLERANCE) {
            purge(TOLERANCE * 2);
        }
        String nonce = randomKey();
        Client client = new Client();
        client.lastSeen = clock.getAsLong();
        clients.put(nonce, client);
        return nonce;
    }

    /** Records the use of {@code nonce} with count {@code nc}: a count must grow on each use of a nonce. */
    synchronized Use use(String nonce, long nc) {
        Client client = clients.get(nonce);
        if (client == null) {
            return Use.UNKNOWN_NONCE;
        }
        if (client.nc != 0 && Long.compareUnsigned(client.nc, nc) >= 0) {
            return Use.REPLAYED;
        }
        client.nc = nc;
        client.lastSeen = clock.getAsLong();
        return Use.ACCEPTED;
    }

    synchronized int size() {
        return clients.size();
    }

    private void purge(int count) {
        List<Map.Entry<String, Client>> entries = new ArrayList<>(clients.entrySet());
        entries.sort(Comparator.comparingLong(e -> e.getValue().lastSeen));
        for (int i = 0; i < count && i < entries.size(); i++) {
            clients.remove(entries.get(i).getKey());
        }
    }
}
