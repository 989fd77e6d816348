package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.trafficcop.proxy.upstream.UpstreamExchange;
import io.trafficcop.proxy.upstream.UpstreamTarget;

/**
 * Traefik's single-host reverse proxy (pkg/proxy/httputil): rewrites the request for one backend server and
 * forwards it. X-Forwarded-For gets the peer appended, hop-by-hop headers go, the path is the request's own unless
 * {@code preservePath} joins the server URL's path in front (Go's JoinURLPath), ';' in the query becomes '&amp;',
 * the Host header is the client's unless {@code passHostHeader} is false, and the request is sent as HTTP/1.1.
 */
public final class ReverseProxy {

    private ReverseProxy() {
    }

    /** Rewrites the exchange's request for {@code target} and forwards it. */
    public static void forward(Exchange exchange, UpstreamTarget target, boolean passHostHeader, boolean preservePath) {
        forward(exchange, target, passHostHeader, preservePath, System.nanoTime());
    }

    /**
     * As {@link #forward(Exchange, UpstreamTarget, boolean, boolean)} for a caller that read the clock just before
     * (the load balancer times its server call): the exchange's upstream start is {@code startNanos}, one clock read
     * less per request.
     */
    public static void forward(Exchange exchange, UpstreamTarget target, boolean passHostHeader, boolean preservePath,
                               long startNanos) {
        prepare(exchange.request(), exchange, target, passHostHeader, preservePath);
        exchange.forwardingTo(target, startNanos);
        UpstreamExchange.forward(exchange, target);
    }

    static void prepare(HttpRequest request, Exchange exchange, UpstreamTarget target, boolean passHostHeader,
                        boolean preservePath) {
        HttpHeaders headers = request.headers();
        if (exchange.isHttp2()) {
            removeHttp2ExtensionHeaders(headers);
            if (!(request instanceof LastHttpContent) && !exchange.requestComplete()
                    && !HttpUtil.isContentLengthSet(request)) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (!exchange.entryPoint().forwardedHeaders().notAppendXForwardedFor() && !exchange.forwardedForOmitted()) {
            ForwardedHeaders.appendForwardedFor(headers, exchange.clientIp());
        }
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        HopByHopHeaders.stripRequest(headers);
        if (chunked) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED); // re-framed on this hop
        }
        request.setUri(outgoingUri(request.uri(), target, preservePath));
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (!passHostHeader || !headers.contains(HttpHeaderNames.HOST)) {
            headers.set(HttpHeaderNames.HOST, target.authority());
        }
    }

    /** The request-target sent to the backend: origin-form path (joined when preservePath) and query. */
    public static String outgoingUri(String uri, UpstreamTarget target, boolean preservePath) {
        if (!preservePath && !uri.isEmpty() && uri.charAt(0) == '/' && uri.indexOf(';') < 0) {
            // origin-form, nothing to join or to replace: sent as received (the usual request, without splitting
            // and joining path and query again)
            return uri;
        }
        String pathAndQuery = uri;
        if (!uri.isEmpty() && uri.charAt(0) != '/') {
            int scheme = uri.indexOf("://");
            if (scheme > 0) {
                int slash = uri.indexOf('/', scheme + 3);
                int query = uri.indexOf('?', scheme + 3);
                if (slash < 0 || (query >= 0 && query < slash)) {
                    pathAndQuery = query < 0 ? "/" : "/" + uri.substring(query);
                } else {
                    pathAndQuery = uri.substring(slash);
                }
            }
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        if (preservePath) {
            path = singleJoiningSlash(target.rawPath(), path);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        if (query == null) {
            return path;
        }
        return path + '?' + (query.indexOf(';') < 0 ? query : query.replace(';', '&'));
    }

    /** Go's singleJoiningSlash. */
    static String singleJoiningSlash(String a, String b) {
        boolean aslash = a.endsWith("/");
        boolean bslash = b.startsWith("/");
        if (aslash && bslash) {
            return a + b.substring(1);
        }
        if (!aslash && !bslash) {
            return a + "/" + b;
        }
        return a + b;
    }

    private static void removeHttp2ExtensionHeaders(HttpHeaders headers) {
        for (HttpConversionUtil.ExtensionHeaderNames name : HttpConversionUtil.ExtensionHeaderNames.values()) {
            headers.remove(name.text());
        }
    }
}
