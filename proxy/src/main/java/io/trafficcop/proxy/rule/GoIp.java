package io.trafficcop.proxy.rule;

/** Go's {@code netip.ParseAddr} (without zones, as {@code net.ParseIP} and {@code net.ParseCIDR} require). */
final class GoIp {
    private GoIp() {
    }

    /** 4 bytes for IPv4, 16 for IPv6 (including IPv4-mapped), null if Go rejects the text. */
    static byte[] parseAddr(String s, boolean allowZone) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return parseV4(s, 0, s.length());
            }
            if (c == ':') {
                return parseV6(s, allowZone);
            }
            if (c == '%') {
                return null;
            }
        }
        return null;
    }

    private static byte[] parseV4(String s, int from, int to) {
        byte[] out = new byte[4];
        int field = 0;
        int val = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    return null; // leading zero
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || field == 3) {
                    return null;
                }
                out[field++] = (byte) val;
                val = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (field != 3 || digits == 0) {
            return null;
        }
        out[3] = (byte) val;
        return out;
    }

    private static byte[] parseV6(String in, boolean allowZone) {
        String s = in;
        int pct = s.indexOf('%');
        if (pct >= 0) {
            if (!allowZone || pct == s.length() - 1) {
                return null;
            }
            s = s.substring(0, pct);
        }
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        int i = 0;
        if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            i = 2;
            if (i == s.length()) {
                return ip;
            }
        }
        while (i < s.length()) {
            int off = 0;
            int acc = 0;
            int start = i;
            while (i < s.length()) {
                int h = RoutingPath.hex(s.charAt(i));
                if (h < 0) {
                    break;
                }
                acc = (acc << 4) + h;
                i++;
                off++;
                if (off > 4) {
                    return null;
                }
            }
            if (off == 0) {
                return null;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                if (ellipsis < 0 && pos != 12 || pos + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseV4(s, start, s.length());
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, ip, pos, 4);
                pos += 4;
                i = s.length();
                break;
            }
            ip[pos] = (byte) (acc >> 8);
            ip[pos + 1] = (byte) acc;
            pos += 2;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            if (i + 1 == s.length()) {
                return null;
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = pos;
                i++;
                if (i == s.length()) {
                    break;
                }
            }
            if (pos == 16) {
                return null;
            }
        }
        if (i != s.length()) {
            return null;
        }
        if (pos < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - pos;
            for (int j = pos - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return ip;
    }

    /** Go's dtoi for a CIDR prefix length: decimal digits only, the whole string; -1 if invalid. */
    static int dtoi(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
