package io.trafficcop.proxy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A duration as Traefik reads one: Go's {@code time.ParseDuration} syntax ({@code 1h30m}, {@code 1.5s},
 * {@code 300ms}, {@code -2us}), or a bare integer meaning seconds (Traefik's {@code ptypes.Duration}).
 */
public record GoDuration(Duration value) {

    public static final GoDuration ZERO = new GoDuration(Duration.ZERO);

    public GoDuration {
        if (value == null) {
            throw new IllegalArgumentException("duration must not be null");
        }
    }

    public static GoDuration ofSeconds(long seconds) {
        return new GoDuration(Duration.ofSeconds(seconds));
    }

    public static GoDuration ofMillis(long millis) {
        return new GoDuration(Duration.ofMillis(millis));
    }

    /** Jackson entry point for numbers: Traefik reads a bare number as seconds. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static GoDuration fromJson(Object raw) {
        if (raw instanceof Number number) {
            return new GoDuration(secondsOf(new BigDecimal(number.toString())));
        }
        return parse(String.valueOf(raw));
    }

    /**
     * Parses Traefik's duration text.
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not a duration
     */
    public static GoDuration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"\": empty");
        }
        if (isInteger(s)) {
            return new GoDuration(Duration.ofSeconds(Long.parseLong(s)));
        }
        return new GoDuration(parseGo(s, text));
    }

    public long toMillis() {
        return value.toMillis();
    }

    public long toNanos() {
        return value.toNanos();
    }

    public boolean isPositive() {
        return value.compareTo(Duration.ZERO) > 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return format(value);
    }

    private static boolean isInteger(String s) {
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() - start <= 18;
    }

    private static Duration secondsOf(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    /** Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with units ns, us, µs, ms, s, m, h. */
    private static Duration parseGo(String s, String original) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i++;
        }
        if ("0".equals(s.substring(i))) {
            return Duration.ZERO;
        }
        if (i == s.length()) {
            throw invalid(original);
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(original);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("invalid duration \"" + original + "\": missing unit");
            }
            long unitNanos = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException(
                        "invalid duration \"" + original + "\": unknown unit \"" + unit + "\"");
            };
            String digits = number.startsWith(".") ? "0" + number : number;
            if (digits.endsWith(".")) {
                digits = digits + "0";
            }
            totalNanos = totalNanos.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unitNanos)));
        }
        if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("invalid duration \"" + original + "\": out of range");
        }
        long nanos = totalNanos.longValue();
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    private static IllegalArgumentException invalid(String original) {
        return new IllegalArgumentException("invalid duration \"" + original + "\"");
    }

    /** Formats as Go's Duration.String() does, e.g. 1h30m0s, 1.5s, 300ms. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        if (nanos < 1_000_000_000L) {
            if (nanos < 1_000L) {
                return sb.append(nanos).append("ns").toString();
            }
            if (nanos < 1_000_000L) {
                return sb.append(trim(BigDecimal.valueOf(nanos, 3))).append("µs").toString();
            }
            return sb.append(trim(BigDecimal.valueOf(nanos, 6))).append("ms").toString();
        }
        long hours = nanos / 3_600_000_000_000L;
        nanos -= hours * 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L;
        nanos -= minutes * 60_000_000_000L;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(trim(BigDecimal.valueOf(nanos, 9))).append('s').toString();
    }

    private static String trim(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
