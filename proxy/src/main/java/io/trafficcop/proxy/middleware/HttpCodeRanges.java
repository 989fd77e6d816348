package io.trafficcop.proxy.middleware;

import java.util.List;

/**
 * Traefik's types.HTTPCodeRanges: status blocks such as "500-599" or "404" (a single code is the block code-code),
 * as used by the retry {@code status}, errors {@code status} and circuitBreaker options and the access log's
 * {@code filters.statusCodes}.
 */
public final class HttpCodeRanges {

    private final int[] lows;
    private final int[] highs;

    private HttpCodeRanges(int[] lows, int[] highs) {
        this.lows = lows;
        this.highs = highs;
    }

    /**
     * @param option the configuration key, for the error message
     * @throws IllegalArgumentException naming the option and the block when a code is not a number
     */
    public static HttpCodeRanges parse(String option, List<String> blocks) {
        int[] lows = new int[blocks.size()];
        int[] highs = new int[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            String[] codes = block.split("-", -1);
            try {
                lows[i] = Integer.parseInt(codes[0]);
                highs[i] = Integer.parseInt(codes.length == 1 ? codes[0] : codes[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + option + " \"" + block + "\": not a status code range",
                        e);
            }
        }
        return new HttpCodeRanges(lows, highs);
    }

    public boolean contains(int status) {
        for (int i = 0; i < lows.length; i++) {
            if (status >= lows[i] && status <= highs[i]) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return lows.length == 0;
    }
}
