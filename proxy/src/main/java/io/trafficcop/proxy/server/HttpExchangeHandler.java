package io.trafficcop.proxy.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.trafficcop.proxy.codec.Http1ClientCodec;
import io.trafficcop.proxy.codec.Http1ServerCodec;
import io.trafficcop.proxy.http.EntryPointContext;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeOwner;
import io.trafficcop.proxy.http.ForwardedHeaders;
import io.trafficcop.proxy.runtime.RouterRuntime;
import io.trafficcop.proxy.runtime.Snapshot;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one client connection (HTTP/1.1, one exchange at a time, keep-alive) or of one HTTP/2
 * stream: builds the {@link Exchange}, applies the entry point's forwarded-headers policy, routes it on the current
 * snapshot and runs the router's handler; answers Traefik's "404 page not found" when no router matches. Reads the
 * client only when it can use what it reads (auto-read is off): a new request head when idle, request body while the
 * consumer is writable. Enforces readTimeout/writeTimeout, keepAliveMaxRequests and keepAliveMaxTime.
 */
final class HttpExchangeHandler extends ChannelDuplexHandler implements ExchangeOwner {

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchangeHandler.class);
    static final String NOT_FOUND = "404 page not found\n";
    static final String BAD_REQUEST = "400 Bad Request";

    private final EntryPointContext entryPoint;
    private final ServerState state;
    private final boolean http2;
    private final boolean secure;

    private ChannelHandlerContext ctx;
    private String clientIp;
    private Exchange current;
    private ArrayDeque<Object> pipelined;
    private int requests;
    private long openedAtNanos;
    private boolean draining;
    private ScheduledFuture<?> timeoutCheck;
    private long readDeadline = Long.MAX_VALUE;
    private long writeDeadline = Long.MAX_VALUE;
    private long idleDeadline = Long.MAX_VALUE;
    /** One listener for every response's last write on this connection, rather than one per response. */
    private final ChannelFutureListener lastResponseWritten = future -> {
        Exchange exchange = current;
        if (exchange != null) {
            exchange.lastResponseWriteDone(future);
        }
    };

    HttpExchangeHandler(EntryPointContext entryPoint, ServerState state, boolean http2, boolean secure) {
        this.entryPoint = entryPoint;
        this.state = state;
        this.http2 = http2;
        this.secure = secure;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.openedAtNanos = System.nanoTime();
        startIdle();
        if (context.channel().isActive()) {
            context.read();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        context.read();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (pipelined != null && !pipelined.isEmpty()) {
            pipelined.add(msg); // keep the order: what was queued first is served first
            drainPipelined();
            return;
        }
        if (current != null && (msg instanceof HttpRequest || current.requestComplete())) {
            // a pipelined request: served when the current exchange completes
            if (pipelined == null) {
                pipelined = new ArrayDeque<>(4);
            }
            pipelined.add(msg);
            return;
        }
        dispatch(msg);
    }

    /** Serves queued pipelined messages in order, as far as the current exchange allows. */
    private void drainPipelined() {
        if (pipelined == null) {
            return;
        }
        Object next;
        boolean dispatched = false;
        while ((next = pipelined.peek()) != null) {
            if (next instanceof HttpRequest) {
                if (current != null) {
                    break;
                }
            } else if (current != null && current.requestComplete()) {
                break;
            }
            dispatch(pipelined.poll());
            dispatched = true;
        }
        if (dispatched && current != null) {
            current.onRequestReadComplete(); // as after a read: flush what went to the consumer
        }
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequestHead(request);
        } else if (msg instanceof HttpContent content) {
            Exchange exchange = current;
            if (exchange != null && !exchange.requestComplete()) {
                exchange.onRequestContent(content);
            } else {
                content.release();
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequestHead(HttpRequest msg) {
        if (msg.decoderResult().isFailure()) {
            Throwable cause = msg.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            // Go's server: a request line or header block over MaxHeaderBytes is 431, anything else 400
            boolean tooLarge = cause instanceof io.netty.handler.codec.TooLongFrameException;
            badRequest(tooLarge ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST);
            return;
        }
        HttpRequest request = msg;
        HttpContent body = null;
        if (msg instanceof FullHttpRequest full) {
            // HTTP/2 requests without body arrive whole: split so the exchange always sees head, then body
            request = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
            body = new DefaultLastHttpContent(full.content(), full.trailingHeaders());
        }
        requests++;
        InetSocketAddress remote = remoteAddress();
        if (clientIp == null && remote != null && remote.getAddress() != null) {
            clientIp = ForwardedHeaders.clientIp(remote.getAddress());
        }
        Exchange exchange = new Exchange(ctx, this, request, entryPoint, remote, clientIp, http2, secure);
        current = exchange;
        if (!http2 && mustCloseAfter()) {
            exchange.closeAfterResponse();
        }
        scheduleTimeouts(exchange);
        entryPoint.forwardedHeaders().apply(request.headers(), remote, clientIp, secure);
        entryPoint.observer().onExchange(exchange);
        if (body != null) {
            // queued before routing: the request is complete, so an answer given on the head (a redirect, a 404)
            // ends the stream normally instead of resetting it as if a body were still coming
            exchange.onRequestContent(body);
        }
        route(exchange);
    }

    private void route(Exchange exchange) {
        Snapshot snapshot = state.snapshot();
        try {
            if (exchange.routingPath() == null) {
                // an invalid percent-encoding in the path: Traefik refuses the request before routing
                exchange.respond(HttpResponseStatus.BAD_REQUEST, BAD_REQUEST);
                return;
            }
            RouterRuntime router = snapshot.routes(entryPoint.name()).select(exchange);
            if (router == null) {
                exchange.respondError(HttpResponseStatus.NOT_FOUND, NOT_FOUND);
                return;
            }
            exchange.router(router);
            router.handler().handle(exchange);
        } catch (RuntimeException e) {
            LOG.error("entry point {}: request {} failed", entryPoint.name(), exchange.originalUri(), e);
            if (!exchange.responseStarted()) {
                exchange.respondError(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        HttpResponseStatus.INTERNAL_SERVER_ERROR.reasonPhrase());
            } else {
                exchange.abort();
            }
        }
    }

    private boolean mustCloseAfter() {
        if (draining) {
            return true;
        }
        var settings = entryPoint.settings();
        if (settings.keepAliveMaxRequests() > 0 && requests >= settings.keepAliveMaxRequests()) {
            return true;
        }
        long maxTime = settings.keepAliveMaxTime().toNanos();
        return maxTime > 0 && System.nanoTime() - openedAtNanos >= maxTime;
    }

    /**
     * Arms readTimeout and writeTimeout for a new exchange. Scheduling a task per request would cost a timer
     * insertion and cancellation on the hot path; instead each connection keeps at most one pending check that
     * compares deadlines when it fires and re-arms itself for the remaining time.
     */
    private void scheduleTimeouts(Exchange exchange) {
        var timeouts = entryPoint.settings().respondingTimeouts();
        long read = timeouts.readTimeout().toNanos();
        long write = timeouts.writeTimeout().toNanos();
        if (read <= 0 && write <= 0) {
            idleDeadline = Long.MAX_VALUE;
            return;
        }
        long now = System.nanoTime();
        idleDeadline = Long.MAX_VALUE;
        readDeadline = read > 0 ? now + read : Long.MAX_VALUE;
        writeDeadline = write > 0 ? now + write : Long.MAX_VALUE;
        armTimeoutCheck(Math.min(readDeadline, writeDeadline) - now);
    }

    private void armTimeoutCheck(long delayNanos) {
        if (timeoutCheck == null) {
            timeoutCheck = ctx.executor().schedule(this::checkTimeouts, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
        }
    }

    /** idleTimeout: a keep-alive connection without a request for that long is closed (HTTP/1.1 only). */
    private void startIdle() {
        long idle = entryPoint.settings().respondingTimeouts().idleTimeout().toNanos();
        if (idle <= 0 || http2) {
            return;
        }
        idleDeadline = System.nanoTime() + idle;
        armTimeoutCheck(idle);
    }

    private void checkTimeouts() {
        timeoutCheck = null;
        if (!ctx.channel().isActive() || ctx.isRemoved()) {
            return;
        }
        Exchange exchange = current;
        long now = System.nanoTime();
        if (exchange == null) {
            if (idleDeadline != Long.MAX_VALUE) {
                if (now - idleDeadline >= 0) {
                    LOG.debug("entry point {}: idleTimeout, closing {}", entryPoint.name(), ctx.channel());
                    ctx.channel().close();
                } else {
                    armTimeoutCheck(idleDeadline - now);
                }
            }
            return;
        }
        if (!exchange.requestComplete() && now - readDeadline >= 0) {
            LOG.debug("entry point {}: readTimeout, closing {}", entryPoint.name(), ctx.channel());
            ctx.channel().close();
            return;
        }
        if (now - writeDeadline >= 0) {
            LOG.debug("entry point {}: writeTimeout, closing {}", entryPoint.name(), ctx.channel());
            ctx.channel().close();
            return;
        }
        long next = exchange.requestComplete() ? writeDeadline : Math.min(readDeadline, writeDeadline);
        if (next != Long.MAX_VALUE) {
            armTimeoutCheck(next - now);
        }
    }

    private void cancelTimeouts() {
        // the pending check, if any, stays armed: it finds no exchange (or a newer one with later deadlines)
        readDeadline = Long.MAX_VALUE;
        writeDeadline = Long.MAX_VALUE;
    }

    private void cancelTimeoutCheck() {
        if (timeoutCheck != null) {
            timeoutCheck.cancel(false);
            timeoutCheck = null;
        }
    }

    private void badRequest(HttpResponseStatus status) {
        String body = status.code() + " " + status.reasonPhrase();
        var response = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status,
                io.netty.buffer.ByteBufUtil.writeAscii(ctx.alloc(), body));
        response.headers().set(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE,
                io.trafficcop.proxy.http.HeaderNames.TEXT_PLAIN_UTF8);
        response.headers().setInt(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH, body.length());
        response.headers().set(io.netty.handler.codec.http.HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    private InetSocketAddress remoteAddress() {
        Channel ch = ctx.channel();
        Channel connection = http2 && ch.parent() != null ? ch.parent() : ch;
        return (InetSocketAddress) connection.remoteAddress();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        Exchange exchange = current;
        if (exchange != null) {
            exchange.onRequestReadComplete();
        } else if (!http2) {
            context.read(); // waiting for (the rest of) a request head
        }
    }

    // ---- ExchangeOwner -----------------------------------------------------------------------------------------

    @Override
    public void readRequestBody(Exchange exchange) {
        if (exchange == current) {
            ctx.read();
        }
    }

    @Override
    public void exchangeComplete(Exchange exchange, boolean keepAlive) {
        if (exchange != current) {
            return;
        }
        current = null;
        cancelTimeouts();
        if (http2 || !keepAlive || !ctx.channel().isActive()) {
            return; // the exchange closed the connection (or the stream) itself
        }
        if (draining) {
            ctx.close();
            return;
        }
        startIdle();
        drainPipelined();
        if (current == null) {
            ctx.read();
        }
    }

    @Override
    public void switchToRelay(Exchange exchange, Channel upstream) {
        current = null;
        cancelTimeouts();
        ChannelPipeline up = upstream.pipeline();
        up.addAfter(Http1ClientCodec.ENCODER, "relay", new RelayHandler(ctx.channel()));
        up.remove("upstream");
        Http1ClientCodec.removeFrom(up);
        if (up.get(IdleStateHandler.class) != null) {
            up.remove(IdleStateHandler.class);
        }
        ChannelPipeline down = ctx.pipeline();
        if (down.get(IdleStateHandler.class) != null) {
            down.remove(IdleStateHandler.class);
        }
        down.addAfter(ctx.name(), "relay", new RelayHandler(upstream));
        down.remove(this);
        if (down.get(HttpServerUpgradeHandler.class) != null) {
            down.remove(HttpServerUpgradeHandler.class);
        }
        Http1ServerCodec.removeFrom(down);
        releasePipelined();
    }

    @Override
    public boolean terminating() {
        return state.terminating();
    }

    @Override
    public ChannelFutureListener lastResponseWriteListener() {
        return lastResponseWritten;
    }

    // ---- connection events -------------------------------------------------------------------------------------

    /** Graceful shutdown: close now if idle, else after the current response. */
    void drain() {
        draining = true;
        if (current == null) {
            ctx.close();
        } else {
            current.closeAfterResponse();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        Exchange exchange = current;
        if (exchange != null && context.channel().isWritable()) {
            exchange.onClientWritable();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        Exchange exchange = current;
        current = null;
        cancelTimeouts();
        cancelTimeoutCheck();
        if (exchange != null) {
            exchange.onClientClosed();
        }
        releasePipelined();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        releasePipelined();
    }

    private void releasePipelined() {
        if (pipelined != null) {
            Object msg;
            while ((msg = pipelined.poll()) != null) {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof HttpServerUpgradeHandler.UpgradeEvent
                || evt == PriorKnowledgeDetector.UPGRADED) {
            // the connection now speaks HTTP/2: streams get their own handlers
            current = null;
            cancelTimeoutCheck();
            context.channel().config().setAutoRead(true);
            long idle = entryPoint.settings().respondingTimeouts().idleTimeout().toNanos();
            if (idle > 0) {
                context.pipeline().addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.NANOSECONDS),
                        new IdleHttp2ConnectionCloser());
            }
            context.pipeline().remove(this);
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("entry point {}: connection error on {}", entryPoint.name(), context.channel(), cause);
        context.close();
    }
}
