package io.trafficcop.proxy.service.healthcheck;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.upstream.UpstreamSslContexts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Traefik's HTTP health check ({@code healthCheck.mode: http}): one request (method, path, headers, Host from
 * {@code hostname}) on a fresh connection to the server (or to {@code port}, over {@code scheme}); healthy when the
 * status is the configured one, or any 2xx/3xx. Redirects are followed (at most 10, as Go's client) unless
 * {@code followRedirects} is false. The whole check, redirects included, is bounded by {@code timeout}. Over https it
 * dials as the service's servers transport does (serverName, insecureSkipVerify, rootCAs, client certificates,
 * versions, ciphers, peerCertURI / peerCertSANs), as Traefik's health checks use the service's transport.
 */
final class HttpHealthProbe implements HealthProbe {

    private static final int MAX_REDIRECTS = 10;

    private final HealthCheckSettings settings;
    private final Class<? extends SocketChannel> channelType;
    private final ServersTransportSettings transport;

    HttpHealthProbe(HealthCheckSettings settings, Class<? extends SocketChannel> channelType,
                    ServersTransportSettings transport) {
        this.settings = settings;
        this.channelType = channelType;
        this.transport = transport;
    }

    @Override
    public Future<String> check(EventLoop loop, URI server) {
        Promise<String> promise = loop.newPromise();
        URI url = requestUrl(server);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        attempt(loop, url, settings.method(), 0, deadline, promise);
        return promise;
    }

    /** Traefik's newRequest: the path resolved against the server URL, then scheme and port overridden. */
    URI requestUrl(URI server) {
        URI u = settings.path().isEmpty() ? server : server.resolve(settings.path());
        String scheme = settings.scheme().isEmpty() ? u.getScheme() : settings.scheme();
        if ("h2c".equals(scheme)) {
            scheme = "http";
        }
        int port = settings.port() != 0 ? settings.port() : u.getPort();
        try {
            return new URI(scheme, u.getRawUserInfo() == null ? null : u.getUserInfo(), u.getHost(), port,
                    u.getPath(), u.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void attempt(EventLoop loop, URI url, String method, int redirects, long deadline,
                         Promise<String> promise) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            promise.trySuccess("timeout after " + settings.timeout());
            return;
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String host = url.getHost();
        if (host != null && host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        String connectHost = host;
        Bootstrap b = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (https) {
                            ch.pipeline().addLast(UpstreamSslContexts.newHandler(ch.alloc(), transport, connectHost,
                                    port, false));
                        }
                        ch.pipeline().addLast(new HttpClientCodec());
                        ch.pipeline().addLast(new ResponseHandler(loop, url, method, redirects, deadline, promise));
                    }
                });
        b.connect(new InetSocketAddress(host, port)).addListener(f -> {
            if (!f.isSuccess()) {
                promise.trySuccess("HTTP request failed: " + f.cause());
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl != null) {
                ssl.handshakeFuture().addListener(h -> {
                    if (!h.isSuccess()) {
                        promise.trySuccess("TLS handshake failed: " + h.cause());
                        return;
                    }
                    try {
                        UpstreamSslContexts.verifyPeer(ssl.engine().getSession(), transport);
                    } catch (SSLException e) {
                        promise.trySuccess("TLS: " + e.getMessage());
                        ch.close();
                    }
                });
            }
            var timeout = loop.schedule(() -> {
                if (promise.trySuccess("timeout after " + settings.timeout())) {
                    ch.close();
                }
            }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            promise.addListener(p -> timeout.cancel(false));
            String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                target += "?" + url.getRawQuery();
            }
            var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target);
            String authority = url.getRawAuthority();
            request.headers().set(HttpHeaderNames.HOST, settings.hostname().isEmpty() ? authority : settings.hostname());
            request.headers().set(HttpHeaderNames.USER_AGENT, "Go-http-client/1.1");
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            for (Map.Entry<String, String> h : settings.headers().entrySet()) {
                if (h.getKey().equalsIgnoreCase("Host")) {
                    continue; // Go ignores a Host header in Header: the request's Host wins
                }
                request.headers().set(h.getKey(), h.getValue());
            }
            ch.writeAndFlush(request);
        });
    }

    private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {

        private final EventLoop loop;
        private final URI url;
        private final String method;
        private final int redirects;
        private final long deadline;
        private final Promise<String> promise;
        private int status;
        private String location;
        private boolean done;

        ResponseHandler(EventLoop loop, URI url, String method, int redirects, long deadline,
                        Promise<String> promise) {
            this.loop = loop;
            this.url = url;
            this.method = method;
            this.redirects = redirects;
            this.deadline = deadline;
            this.promise = promise;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse r) {
                status = r.status().code();
                location = r.headers().get(HttpHeaderNames.LOCATION);
            }
            if (msg instanceof LastHttpContent && status >= 200 && !done) {
                done = true;
                ctx.close();
                complete();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!done) {
                done = true;
                promise.trySuccess("connection closed before a response");
            }
        }

        private void complete() {
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (redirect && settings.followRedirects() && location != null) {
                if (redirects + 1 > MAX_REDIRECTS) {
                    promise.trySuccess("stopped after " + MAX_REDIRECTS + " redirects");
                    return;
                }
                URI next = url.resolve(location);
                String nextMethod = (status == 307 || status == 308) || method.equals("HEAD") ? method : "GET";
                attempt(loop, next, nextMethod, redirects + 1, deadline, promise);
                return;
            }
            if (settings.healthy(status)) {
                promise.trySuccess(null);
            } else if (settings.status() == 0) {
                promise.trySuccess("received error status code: " + status);
            } else {
                promise.trySuccess("received error status code: " + status + " expected status code: "
                        + settings.status());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            promise.trySuccess("HTTP request failed: " + cause);
            ctx.close();
        }
    }
}
