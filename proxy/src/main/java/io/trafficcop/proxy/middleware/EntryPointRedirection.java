package io.trafficcop.proxy.middleware;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HostPort;
import io.trafficcop.proxy.http.HttpHandler;

/**
 * Traefik's {@code entryPoints.<name>.http.redirections.entryPoint} ({@code to}, {@code scheme} default "https",
 * {@code permanent} default true, {@code priority} default MaxInt-1). Traefik implements it as a generated router
 * "{@code <ep>-to-<target>}" on the entry point with rule {@code HostRegexp(`^.+$`)}, that priority, a
 * redirectScheme middleware and the noop service; this class is that middleware (scheme + port, the port omitted
 * when it is the scheme's default) and gives the router's name, rule and priority to whoever compiles routers.
 */
public final class EntryPointRedirection implements Middleware {

    /**
     * Traefik's default priority of the generated router, math.MaxInt - 1, in the route table's int priorities:
     * above every user router (Traefik caps those at MaxInt - 1000).
     */
    public static final int DEFAULT_PRIORITY = Integer.MAX_VALUE - 1;
    /** The generated router's rule (v3 syntax). */
    public static final String RULE = "HostRegexp(`^.+$`)";
    /** The rule when the entry point lets ACME HTTP challenges through. */
    public static final String RULE_ACME_BYPASS = "HostRegexp(`^.+$`) && !PathPrefix(`/.well-known/acme-challenge/`)";

    private final String scheme;
    private final String port;
    private final boolean permanent;

    /**
     * @param scheme    target scheme ("https")
     * @param port      target port ("443"), from the target entry point's address or the literal ":port" in
     *                  {@code to}
     * @param permanent 301 (308 for non-GET) when true, 302 (307 for non-GET) otherwise, as redirectScheme
     */
    public EntryPointRedirection(String scheme, String port, boolean permanent) {
        this.scheme = scheme == null || scheme.isEmpty() ? "https" : scheme;
        this.port = port;
        this.permanent = permanent;
    }

    /**
     * Traefik's getRedirectPort: {@code to} is either a literal ":port" or the name of an entry point whose
     * address gives the port.
     *
     * @param entryPointAddresses entry point name → address (":443", "0.0.0.0:8443", "[::]:443")
     * @throws IllegalArgumentException with Traefik's message when the entry point does not exist
     */
    public static String redirectPort(String to, java.util.Map<String, String> entryPointAddresses) {
        if (to.length() > 1 && to.charAt(0) == ':' && to.chars().skip(1).allMatch(Character::isDigit)) {
            return to.substring(1);
        }
        String address = entryPointAddresses.get(to);
        if (address == null) {
            throw new IllegalArgumentException(
                    "'to' entry point field references a non-existing entry point: " + to);
        }
        int slash = address.lastIndexOf('/');
        String hostPort = slash >= 0 ? address.substring(0, slash) : address;
        String port = HostPort.port(hostPort);
        if (port == null && hostPort.startsWith(":")) {
            port = hostPort.substring(1);
        }
        if (port == null) {
            throw new IllegalArgumentException("invalid entry point " + to + " address " + address);
        }
        return port;
    }

    /**
     * The generated router's name: "{@code <from>-to-<to>}" through Traefik's provider.Normalize (runs of characters
     * other than letters, digits, '.' and '-' become one '-', none at the ends).
     */
    public static String routerName(String fromEntryPoint, String to) {
        String raw = fromEntryPoint + "-to-" + to;
        StringBuilder sb = new StringBuilder(raw.length());
        boolean pendingSeparator = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) || Character.isDigit(cp) || cp == '.' || cp == '-') {
                if (pendingSeparator && !sb.isEmpty()) {
                    sb.append('-');
                }
                pendingSeparator = false;
                sb.appendCodePoint(cp);
            } else {
                pendingSeparator = true;
            }
        }
        return sb.toString();
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return this::redirect; // the generated router's service is noop@internal: next is never called
    }

    private void redirect(Exchange exchange) {
        String host = HostPort.stripPort(exchange.request().headers().get(HttpHeaderNames.HOST, ""));
        boolean defaultPort = port == null || port.isEmpty()
                || ("https".equals(scheme) && "443".equals(port)) || ("http".equals(scheme) && "80".equals(port));
        String uri = exchange.request().uri();
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            uri = "/" + uri;
        }
        StringBuilder location = new StringBuilder(scheme.length() + host.length() + uri.length() + 10)
                .append(scheme).append("://").append(host);
        if (!defaultPort) {
            location.append(':').append(port);
        }
        location.append(uri);
        boolean get = HttpMethod.GET.equals(exchange.request().method());
        HttpResponseStatus status = permanent
                ? (get ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.PERMANENT_REDIRECT)
                : (get ? HttpResponseStatus.FOUND : HttpResponseStatus.TEMPORARY_REDIRECT);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().set(HttpHeaderNames.LOCATION, location.toString());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        exchange.respond(response);
    }
}
