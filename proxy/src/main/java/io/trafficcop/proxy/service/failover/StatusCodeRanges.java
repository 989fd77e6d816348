package io.trafficcop.proxy.service.failover;

import java.util.ArrayList;
import java.util.List;

/** Traefik's types.HTTPCodeRanges: "500" or "500-599" blocks; a status matches when inside any block. */
record StatusCodeRanges(List<int[]> blocks) {

    /** @throws IllegalArgumentException naming the option when a block is not a code or a range */
    static StatusCodeRanges parse(List<String> values, String option) {
        List<int[]> blocks = new ArrayList<>();
        for (String v : values) {
            String[] codes = v.split("-", -1);
            try {
                int low = Integer.parseInt(codes[0].trim());
                int high = codes.length == 1 ? low : Integer.parseInt(codes[1].trim());
                if (codes.length > 2) {
                    throw new NumberFormatException("too many '-'");
                }
                blocks.add(new int[] {low, high});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + option + " \"" + v + "\": " + e.getMessage(), e);
            }
        }
        return new StatusCodeRanges(List.copyOf(blocks));
    }

    boolean contains(int status) {
        for (int[] b : blocks) {
            if (status >= b[0] && status <= b[1]) {
                return true;
            }
        }
        return false;
    }
}
