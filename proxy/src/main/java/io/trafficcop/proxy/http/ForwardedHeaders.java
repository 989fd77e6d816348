package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.runtime.ForwardedHeadersSettings;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Traefik's entry point {@code forwardedHeaders} handling (pkg/middlewares/forwardedheaders): drops the
 * X-Forwarded-* family sent by untrusted clients (unless {@code insecure}), sets X-Real-Ip, X-Forwarded-Proto,
 * -Port, -Host, -Server, folds X-Forwarded-For into one value, and applies the request's {@code Connection}
 * header (removing the headers it names, except Traefik's own X-headers and those listed in
 * {@code forwardedHeaders.connection}). Runs before routing; the peer address is appended to X-Forwarded-For when
 * the request is forwarded ({@link HopByHopHeaders}, {@link #appendForwardedFor}).
 */
public final class ForwardedHeaders {

    private static final AsciiString[] MANAGED = {
        HeaderNames.X_FORWARDED_PROTO, HeaderNames.X_FORWARDED_SCHEME, HeaderNames.X_FORWARDED_FOR,
        HeaderNames.X_FORWARDED_HOST, HeaderNames.X_FORWARDED_PORT, HeaderNames.X_FORWARDED_SERVER,
        HeaderNames.X_FORWARDED_URI, HeaderNames.X_FORWARDED_METHOD, HeaderNames.X_FORWARDED_PREFIX,
        HeaderNames.X_FORWARDED_TLS_CLIENT_CERT, HeaderNames.X_FORWARDED_TLS_CLIENT_CERT_INFO,
        HeaderNames.X_SCHEME, HeaderNames.X_REAL_IP,
    };
    private static final AsciiString COMMA_SPACE = AsciiString.cached(", ");

    private final boolean insecure;
    private final IpMatcher trusted;
    private final List<String> connectionHeaders;
    private final boolean notAppendXForwardedFor;
    private final boolean addSchemeHeaders;
    private final String hostname;

    public ForwardedHeaders(ForwardedHeadersSettings settings, String hostname) {
        this.insecure = settings.insecure();
        this.trusted = IpMatcher.of(settings.trustedIPs());
        this.connectionHeaders = settings.connection();
        this.notAppendXForwardedFor = settings.notAppendXForwardedFor();
        this.addSchemeHeaders = settings.addXForwardedSchemeHeaders();
        this.hostname = hostname;
    }

    /** {@code forwardedHeaders.notAppendXForwardedFor}: the proxy leaves X-Forwarded-For as received. */
    public boolean notAppendXForwardedFor() {
        return notAppendXForwardedFor;
    }

    /** Rewrites {@code headers} of a request received from {@code peer} over TLS or not. */
    public void apply(HttpHeaders headers, InetSocketAddress peer, boolean tls) {
        apply(headers, peer, peer == null || peer.getAddress() == null ? null : clientIp(peer.getAddress()), tls);
    }

    /** As {@link #apply(HttpHeaders, InetSocketAddress, boolean)} with the peer's IP text already computed. */
    public void apply(HttpHeaders headers, InetSocketAddress peer, String peerIp, boolean tls) {
        InetAddress address = peer == null ? null : peer.getAddress();
        boolean untrusted = !insecure && (address == null || trusted.isEmpty() || !trusted.matches(address));
        if (!dropOrFindManagedHeaders(headers, untrusted)) {
            applyWithoutManagedHeaders(headers, address, peerIp, tls);
            return;
        }
        if (address != null && !headers.contains(HeaderNames.X_REAL_IP)) {
            headers.set(HeaderNames.X_REAL_IP, peerIp);
        }
        String proto = headers.get(HeaderNames.X_FORWARDED_PROTO);
        if (proto == null || proto.isEmpty()) {
            if (isWebSocket(headers)) {
                headers.set(HeaderNames.X_FORWARDED_PROTO, tls ? HeaderNames.WSS : HeaderNames.WS);
            } else {
                headers.set(HeaderNames.X_FORWARDED_PROTO, tls ? HeaderNames.HTTPS : HeaderNames.HTTP);
            }
        }
        String port = headers.get(HeaderNames.X_FORWARDED_PORT);
        if (port == null || port.isEmpty()) {
            headers.set(HeaderNames.X_FORWARDED_PORT, forwardedPort(headers, tls));
        }
        if (addSchemeHeaders) {
            String scheme = headers.get(HeaderNames.X_FORWARDED_PROTO);
            headers.set(HeaderNames.X_FORWARDED_SCHEME, scheme);
            headers.set(HeaderNames.X_SCHEME, scheme);
        }
        String xfHost = headers.get(HeaderNames.X_FORWARDED_HOST);
        if (xfHost == null || xfHost.isEmpty()) {
            String host = headers.get(HttpHeaderNames.HOST);
            if (host != null && !host.isEmpty()) {
                headers.set(HeaderNames.X_FORWARDED_HOST, host);
            }
        }
        if (headers.contains(HeaderNames.X_FORWARDED_FOR)) { // getAll builds a list: only when there is a value
            List<String> xff = headers.getAll(HeaderNames.X_FORWARDED_FOR);
            if (xff.size() > 1) {
                headers.set(HeaderNames.X_FORWARDED_FOR, String.join(COMMA_SPACE, xff));
            }
        }
        if (hostname != null && !hostname.isEmpty()) {
            headers.set(HeaderNames.X_FORWARDED_SERVER, hostname);
        }
        applyConnectionHeader(headers);
    }

    /** Go's ReverseProxy: appends the peer to X-Forwarded-For ("prior, peer"), folding multiple values. */
    public static void appendForwardedFor(HttpHeaders headers, String ip) {
        if (ip == null) {
            return;
        }
        if (!headers.contains(HeaderNames.X_FORWARDED_FOR)) { // the usual case, without getAll's list
            headers.set(HeaderNames.X_FORWARDED_FOR, ip);
            return;
        }
        List<String> prior = headers.getAll(HeaderNames.X_FORWARDED_FOR);
        if (prior.size() == 1) {
            headers.set(HeaderNames.X_FORWARDED_FOR, prior.get(0) + ", " + ip);
        } else {
            headers.set(HeaderNames.X_FORWARDED_FOR, String.join(COMMA_SPACE, prior) + ", " + ip);
        }
    }

    /** The textual IP without IPv6 zone and without brackets, as Go prints it. */
    public static String clientIp(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = text.indexOf('%');
            if (zone >= 0) {
                text = text.substring(0, zone);
            }
            text = compressIpv6(text);
        }
        return text;
    }

    /** Java prints "0:0:0:0:0:0:0:1"; Go prints "::1". */
    static String compressIpv6(String full) {
        String[] groups = full.split(":", -1); // not on the IPv4 hot path; IPv6 clients only
        if (groups.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < 8 && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(full.length());
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(groups[i]);
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    static boolean isWebSocket(HttpHeaders headers) {
        return containsToken(headers.get(HttpHeaderNames.CONNECTION), HttpHeaderNames.UPGRADE)
                && containsToken(headers.get(HttpHeaderNames.UPGRADE), io.netty.handler.codec.http.HttpHeaderValues.WEBSOCKET);
    }

    private static String forwardedPort(HttpHeaders headers, boolean tls) {
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            String port = HostPort.port(host);
            if (port != null) {
                return port;
            }
        }
        String proto = headers.get(HeaderNames.X_FORWARDED_PROTO);
        if ("https".equals(proto) || "wss".equals(proto) || tls) {
            return "443";
        }
        return "80";
    }

    /** Whether {@code name} is one of Traefik's X-headers, '_' treated as '-' (Go preserves X_Forwarded_For). */
    public static boolean isManagedXHeader(CharSequence name) {
        if (name.length() == 0 || (name.charAt(0) != 'X' && name.charAt(0) != 'x')) {
            return false;
        }
        for (AsciiString managed : MANAGED) {
            if (managed.length() == name.length() && equalsIgnoreCaseDashUnderscore(managed, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoreCaseDashUnderscore(AsciiString managed, CharSequence name) {
        for (int i = 0; i < managed.length(); i++) {
            char a = Character.toLowerCase(managed.charAt(i));
            char b = Character.toLowerCase(name.charAt(i));
            if (b == '_') {
                b = '-';
            }
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the managed X-headers ({@code drop}: the client is not trusted), or looks for them; returns whether any is
     * left. One pass over the request's headers.
     */
    private static boolean dropOrFindManagedHeaders(HttpHeaders headers, boolean drop) {
        List<String> managed = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            CharSequence name = it.next().getKey();
            if (isManagedXHeader(name)) {
                if (!drop) {
                    return true;
                }
                if (managed == null) {
                    managed = new ArrayList<>(4);
                }
                managed.add(name.toString());
            }
        }
        if (managed != null) {
            for (int i = 0; i < managed.size(); i++) {
                headers.remove(managed.get(i));
            }
        }
        return false;
    }

    /**
     * {@link #apply} for a request without any of the managed X-headers (the usual one, or an untrusted client's once
     * they are dropped): each is added as the general case would set it, without its lookups and removals.
     */
    private void applyWithoutManagedHeaders(HttpHeaders headers, InetAddress address, String peerIp, boolean tls) {
        if (address != null) {
            headers.add(HeaderNames.X_REAL_IP, peerIp);
        }
        CharSequence proto = isWebSocket(headers) ? (tls ? HeaderNames.WSS : HeaderNames.WS)
                : (tls ? HeaderNames.HTTPS : HeaderNames.HTTP);
        headers.add(HeaderNames.X_FORWARDED_PROTO, proto);
        String host = headers.get(HttpHeaderNames.HOST);
        String hostPort = host == null ? null : HostPort.port(host);
        headers.add(HeaderNames.X_FORWARDED_PORT, hostPort != null ? hostPort : tls ? "443" : "80");
        if (addSchemeHeaders) {
            headers.add(HeaderNames.X_FORWARDED_SCHEME, proto);
            headers.add(HeaderNames.X_SCHEME, proto);
        }
        if (host != null && !host.isEmpty()) {
            headers.add(HeaderNames.X_FORWARDED_HOST, host);
        }
        if (hostname != null && !hostname.isEmpty()) {
            headers.add(HeaderNames.X_FORWARDED_SERVER, hostname);
        }
        applyConnectionHeader(headers);
    }

    private void applyConnectionHeader(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return; // the usual HTTP/1.1 request: no list built
        }
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        String upgradeType = null;
        for (int i = 0; i < connection.size(); i++) {
            if (containsToken(connection.get(i), HttpHeaderNames.UPGRADE)) {
                upgradeType = headers.get(HttpHeaderNames.UPGRADE);
                break;
            }
        }
        StringBuilder kept = null;
        for (int i = 0; i < connection.size(); i++) {
            String value = connection.get(i);
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String token = value.substring(start, end).trim();
                start = end + 1;
                if (!token.isEmpty() && !isManagedXHeader(token)) {
                    if (isKeptConnectionHeader(token)) {
                        kept = kept == null ? new StringBuilder() : kept.append(',');
                        kept.append(canonical(token));
                    } else {
                        headers.remove(token);
                    }
                }
                if (comma < 0) {
                    break;
                }
            }
        }
        if (upgradeType != null) {
            kept = kept == null ? new StringBuilder() : kept.append(',');
            kept.append("Upgrade");
            headers.set(HttpHeaderNames.UPGRADE, upgradeType);
        }
        if (kept != null) {
            headers.set(HttpHeaderNames.CONNECTION, kept.toString());
        } else {
            headers.remove(HttpHeaderNames.CONNECTION);
        }
    }

    private boolean isKeptConnectionHeader(String token) {
        for (int i = 0; i < connectionHeaders.size(); i++) {
            if (connectionHeaders.get(i).equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** Go's http.CanonicalHeaderKey for the value of the rebuilt Connection header. */
    public static String canonical(String name) {
        char[] chars = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == ' ') {
                return name; // Go leaves keys with spaces untouched
            }
            chars[i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            upper = c == '-';
        }
        return new String(chars);
    }

    /** httpguts.HeaderValuesContainsToken for one value: comma-separated, trimmed, case-insensitive. */
    public static boolean containsToken(String value, CharSequence token) {
        if (value == null) {
            return false;
        }
        int start = 0;
        int len = value.length();
        while (start < len) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? len : comma;
            int s = start;
            int e = end;
            while (s < e && (value.charAt(s) == ' ' || value.charAt(s) == '\t')) {
                s++;
            }
            while (e > s && (value.charAt(e - 1) == ' ' || value.charAt(e - 1) == '\t')) {
                e--;
            }
            if (e - s == token.length() && value.regionMatches(true, s, token.toString(), 0, e - s)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
