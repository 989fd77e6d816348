package io.trafficcop.proxy.middleware.compress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's getCompressionEncoding: picks the encoding from Accept-Encoding among the configured
 * {@code encodings}; the highest q-value wins, ties go to the configuration order, "*" to {@code defaultEncoding}
 * (else the first configured) and "identity" ranks after every configured encoding. Returns
 * {@link #IDENTITY} or {@link #NOT_ACCEPTABLE} when nothing is to be compressed.
 */
final class EncodingSelector {

    static final String IDENTITY = "identity";
    static final String NOT_ACCEPTABLE = "not_acceptable";
    private static final String WILDCARD = "*";

    private record Candidate(String type, double weight) {
    }

    private final List<String> encodings;
    private final String defaultEncoding;
    private final Map<String, Integer> rank = new HashMap<>();

    EncodingSelector(List<String> encodings, String defaultEncoding) {
        this.encodings = List.copyOf(encodings);
        this.defaultEncoding = defaultEncoding == null || defaultEncoding.isEmpty() ? null : defaultEncoding;
        rank.put(WILDCARD, -1);
        rank.put(IDENTITY, encodings.size());
        for (int i = 0; i < encodings.size(); i++) {
            rank.put(encodings.get(i), i);
        }
    }

    String select(List<String> acceptEncoding) {
        if (acceptEncoding.size() == 1 && acceptEncoding.get(0).isEmpty()) {
            return IDENTITY;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String line : acceptEncoding) {
            for (String item : line.replace(" ", "").split(",", -1)) {
                String[] parsed = item.split(";", 2);
                if (!rank.containsKey(parsed[0])) {
                    continue;
                }
                double weight = 1.0;
                if (parsed.length > 1 && parsed[1].startsWith("q=")) {
                    double w;
                    try {
                        w = Double.parseDouble(parsed[1].substring(2));
                    } catch (NumberFormatException e) {
                        w = 0; // Go's ParseFloat error leaves 0
                    }
                    if (w == 0) {
                        continue;
                    }
                    weight = w;
                }
                candidates.add(new Candidate(parsed[0], weight));
            }
        }
        if (candidates.isEmpty()) {
            return NOT_ACCEPTABLE;
        }
        candidates.sort(Comparator.comparingDouble(Candidate::weight).reversed()
                .thenComparingInt(c -> rank.get(c.type())));
        String best = candidates.get(0).type();
        if (best.equals(WILDCARD)) {
            return defaultEncoding == null ? encodings.get(0) : defaultEncoding;
        }
        return best;
    }
}
