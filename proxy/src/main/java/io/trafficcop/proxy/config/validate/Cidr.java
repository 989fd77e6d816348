package io.trafficcop.proxy.config.validate;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Syntax of the IPs and CIDRs Traefik accepts in source ranges and trusted IPs (Go's net.ParseCIDR / ParseIP). */
public final class Cidr {

    private Cidr() {
    }

    /** Whether {@code value} is an IPv4 or IPv6 address, optionally with a prefix length. */
    public static boolean isValid(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String address = value.trim();
        int slash = address.indexOf('/');
        int maxPrefix;
        if (slash >= 0) {
            String prefix = address.substring(slash + 1);
            address = address.substring(0, slash);
            maxPrefix = address.contains(":") ? 128 : 32;
            try {
                int length = Integer.parseInt(prefix);
                if (length < 0 || length > maxPrefix) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return isLiteralAddress(address);
    }

    private static boolean isLiteralAddress(String address) {
        if (address.isEmpty()) {
            return false;
        }
        if (address.contains(":")) {
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return false;
                }
            }
        } else {
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(part) > 255) {
                    return false;
                }
            }
        }
        try {
            // only literal addresses get here, so this never resolves a name
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
