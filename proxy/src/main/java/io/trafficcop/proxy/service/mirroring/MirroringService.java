package io.trafficcop.proxy.service.mirroring;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.config.dynamic.MirrorService;
import io.trafficcop.proxy.config.dynamic.Mirroring;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ForwardedHeaders;
import io.trafficcop.proxy.http.HopByHopHeaders;
import io.trafficcop.proxy.http.ReverseProxy;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.HttpService;
import io.trafficcop.proxy.service.ServiceContext;
import io.trafficcop.proxy.service.ServiceResolver;
import io.trafficcop.proxy.service.StatusListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code http.services.<name>.mirroring}: every request goes to {@code service}; after its response is
 * complete, copies go to the {@code mirrors} whose {@code percent} quota is not yet used (Traefik's deterministic
 * counting: a mirror takes request n when {@code count * 100 < n * percent}). With {@code mirrorBody} (default true)
 * the body is copied while it streams to the main service, up to {@code maxBodySize} (-1: unlimited); a larger body is
 * not mirrored at all. Mirrors never slow or alter the main response: they are sent after it, fire-and-forget on the
 * same event loop, answers discarded, at most {@link #MAX_IN_FLIGHT} copies in flight per mirroring service (more are
 * dropped). A request whose client went away is not mirrored. With {@code healthCheck: {}} the service reports the
 * main service's status.
 */
public final class MirroringService implements HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(MirroringService.class);

    /** Copies in flight per mirroring service beyond which new copies are dropped. */
    public static final int MAX_IN_FLIGHT = 1024;
    private static final long MIRROR_TIMEOUT_MILLIS = 30_000;

    private record Mirror(HttpService service, int percent, AtomicLong count) {
    }

    private final String name;
    private final HttpService main;
    private final boolean mirrorBody;
    private final long maxBodySize;
    private final boolean wantsHealthCheck;
    private final List<Mirror> mirrors = new ArrayList<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    private MirroringService(String name, HttpService main, boolean mirrorBody, long maxBodySize,
                             boolean wantsHealthCheck) {
        this.name = name;
        this.main = main;
        this.mirrorBody = mirrorBody;
        this.maxBodySize = maxBodySize;
        this.wantsHealthCheck = wantsHealthCheck;
    }

    /** @throws IllegalArgumentException when a service is missing or a percent is outside 0..100 */
    public static MirroringService create(String serviceName, Mirroring config, ServiceResolver children,
                                          ServiceContext context) {
        if (config.service() == null || config.service().isEmpty()) {
            throw new IllegalArgumentException("mirroring service " + serviceName + ": mirroring.service is required");
        }
        long max = config.maxBodySize() == null ? -1 : config.maxBodySize();
        var m = new MirroringService(serviceName, children.resolve(config.service()),
                !Boolean.FALSE.equals(config.mirrorBody()), max, config.healthCheck() != null);
        if (config.mirrors() != null) {
            for (MirrorService mirror : config.mirrors()) {
                int percent = mirror.percent() == null ? 0 : mirror.percent();
                if (percent < 0 || percent > 100) {
                    throw new IllegalArgumentException("invalid mirroring.mirrors[" + mirror.name()
                            + "].percent " + percent + ": percent must be between 0 and 100");
                }
                m.mirrors.add(new Mirror(children.resolve(mirror.name()), percent, new AtomicLong()));
            }
        }
        return m;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void registerStatusListener(StatusListener listener) {
        if (!wantsHealthCheck) {
            throw new IllegalStateException("healthCheck not enabled in config for this mirroring service " + name);
        }
        main.registerStatusListener(listener);
    }

    @Override
    public boolean isUp() {
        return main.isUp();
    }

    @Override
    public BalancedServer selectServer(Exchange exchange) {
        return main.selectServer(exchange);
    }

    /** Copies dropped because too many were in flight (for metrics). */
    public long droppedCopies() {
        return dropped.get();
    }

    /** Traefik's getActiveMirrors. */
    private List<HttpService> activeMirrors() {
        long n = total.incrementAndGet();
        List<HttpService> active = null;
        for (Mirror m : mirrors) {
            synchronized (m) {
                long c = m.count.get();
                if (c * 100 < n * m.percent) {
                    m.count.set(c + 1);
                    if (active == null) {
                        active = new ArrayList<>(mirrors.size());
                    }
                    active.add(m.service);
                }
            }
        }
        return active;
    }

    @Override
    public void handle(Exchange exchange) {
        List<HttpService> active = activeMirrors();
        if (active == null) {
            main.handle(exchange);
            return;
        }
        var request = exchange.request();
        HttpMethod method = request.method();
        String uri = request.uri();
        HttpHeaders headers = request.headers().copy();
        BodyCopy body = mirrorBody && exchange.hasRequestBody() ? new BodyCopy(maxBodySize) : null;
        if (body != null) {
            exchange.tapRequestBody(body);
        }
        exchange.addCompletionListener(() -> {
            if (exchange.status() == Exchange.STATUS_CLIENT_CLOSED_REQUEST) {
                LOG.debug("service {}: no mirroring, the request was canceled", name);
                if (body != null) {
                    body.release();
                }
                return;
            }
            if (body != null && (body.tooLarge || !body.complete)) {
                LOG.debug("service {}: no mirroring, request body larger than allowed size", name);
                body.release();
                return;
            }
            sendMirrors(exchange, active, method, uri, headers, body);
        });
        main.handle(exchange);
    }

    private void sendMirrors(Exchange exchange, List<HttpService> active, HttpMethod method, String uri,
                             HttpHeaders headers, BodyCopy body) {
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body.buffer();
        try {
            for (HttpService mirror : active) {
                BalancedServer server = mirror.selectServer(exchange);
                if (server == null) {
                    continue;
                }
                if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                    inFlight.decrementAndGet();
                    dropped.incrementAndGet();
                    continue;
                }
                FullHttpRequest copy = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
                        uri, content.retainedDuplicate(),
                        DefaultHttpHeadersFactory.headersFactory().withValidation(false),
                        DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
                prepare(copy, headers, exchange, server);
                MirrorSender.send(exchange.channel().eventLoop(), exchange.channel(), server, copy,
                        MIRROR_TIMEOUT_MILLIS, inFlight::decrementAndGet);
            }
        } finally {
            content.release();
        }
    }

    /** The main proxy's request rewriting (ReverseProxy) applied to a copy. */
    private static void prepare(FullHttpRequest copy, HttpHeaders original, Exchange exchange, BalancedServer server) {
        HttpHeaders h = copy.headers();
        h.set(original);
        ForwardedHeaders.appendForwardedFor(h, exchange.clientIp());
        HopByHopHeaders.stripRequest(h);
        h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        h.remove(HttpHeaderNames.EXPECT);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, copy.content().readableBytes());
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        var target = server.server().target();
        copy.setUri(ReverseProxy.outgoingUri(copy.uri(), target, server.preservePath()));
        if (!server.passHostHeader() || !h.contains(HttpHeaderNames.HOST)) {
            h.set(HttpHeaderNames.HOST, target.authority());
        }
        for (var name : io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames.values()) {
            h.remove(name.text());
        }
    }

    /** The request body as it streams to the main service, copied up to the limit. */
    private static final class BodyCopy implements java.util.function.Consumer<HttpContent> {

        private final long limit;
        private CompositeByteBuf copy;
        private long size;
        boolean tooLarge;
        boolean complete;

        BodyCopy(long limit) {
            this.limit = limit;
        }

        @Override
        public void accept(HttpContent content) {
            if (content instanceof io.netty.handler.codec.http.LastHttpContent) {
                complete = true;
            }
            if (tooLarge) {
                return;
            }
            ByteBuf b = content.content();
            size += b.readableBytes();
            if (limit >= 0 && size > limit) {
                tooLarge = true;
                release();
                return;
            }
            if (b.isReadable()) {
                if (copy == null) {
                    copy = Unpooled.compositeBuffer(Integer.MAX_VALUE);
                }
                copy.addComponent(true, Unpooled.copiedBuffer(b));
            }
        }

        ByteBuf buffer() {
            ByteBuf c = copy;
            copy = null;
            return c == null ? Unpooled.EMPTY_BUFFER : c;
        }

        void release() {
            if (copy != null) {
                copy.release();
                copy = null;
            }
        }
    }
}
