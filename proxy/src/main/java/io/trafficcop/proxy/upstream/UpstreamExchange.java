package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeListener;
import io.trafficcop.proxy.http.HopByHopHeaders;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one exchange to one backend over HTTP/1.1, streaming both bodies with back-pressure: the client is read
 * only while the backend connection is writable, the backend only while the client connection is writable. The
 * connection comes from the event loop's pool or is dialled on the client's event loop, and goes back to the pool
 * when both messages completed on a keep-alive response. Failures map to Traefik's statuses: dial or response
 * timeout 504, refused/reset/closed before a response 502; a request on a reused connection that the backend closed
 * before answering is retried once on a new connection when it is idempotent and has no body (as Go's transport).
 */
public final class UpstreamExchange implements RequestBodyConsumer, ExchangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamExchange.class);

    private final Exchange exchange;
    private final HttpRequest request;
    private final UpstreamTarget target;
    private final EventLoop loop;

    private UpstreamConnection connection;
    private Channel channel;
    private ScheduledFuture<?> responseTimeout;
    private boolean responseStarted;
    private boolean informational;
    private boolean responseKeepAlive;
    private boolean responseDone;
    private boolean requestDone;
    private boolean waitingForClient;
    private boolean retried;
    private boolean done;

    private UpstreamExchange(Exchange exchange, UpstreamTarget target) {
        this.exchange = exchange;
        this.request = exchange.request();
        this.target = target;
        this.loop = exchange.channel().eventLoop();
    }

    /** Sends the (already rewritten) request of {@code exchange} to {@code target}. Call on its event loop. */
    public static void forward(Exchange exchange, UpstreamTarget target) {
        UpstreamExchange ux = new UpstreamExchange(exchange, target);
        exchange.listener(ux);
        exchange.markUpstreamReached();
        ux.acquire(false);
    }

    private void acquire(boolean fresh) {
        UpstreamConnection pooled = fresh ? null : UpstreamPools.poll(target);
        if (pooled != null) {
            onConnected(pooled);
            return;
        }
        boolean mayUseH2 = target.isH2c() || (target.isTls() && !target.transport().disableHttp2() && !isUpgrade());
        if (mayUseH2) {
            UpstreamH2Connection h2 = UpstreamPools.pollH2(target);
            if (h2 != null) {
                openStream(h2);
                return;
            }
            Future<Channel> dialing = UpstreamPools.dialing(target);
            if (dialing != null) {
                // one dial per event loop serves the streams of everyone waiting for it
                dialing.addListener(f -> {
                    if (done) {
                        return;
                    }
                    if (f.isSuccess()) {
                        acquire(false);
                    } else {
                        fail(UpstreamFailure.statusOf(f.cause()), f.cause());
                    }
                });
                return;
            }
        }
        Promise<Channel> dial = UpstreamConnector.connect(loop, exchange.channel(), target, mayUseH2);
        if (mayUseH2) {
            UpstreamPools.dialing(target, dial);
        }
        dial.addListener(future -> {
            UpstreamH2Connection h2 = future.isSuccess() ? dial.getNow().pipeline().get(UpstreamH2Connection.class) : null;
            if (mayUseH2) {
                UpstreamPools.dialed(target, dial, h2 != null);
            }
            if (h2 != null) {
                UpstreamPools.addH2(h2); // shared even when this exchange went away meanwhile
            }
            if (!future.isSuccess()) {
                fail(UpstreamFailure.statusOf(future.cause()), future.cause());
                return;
            }
            if (done) {
                if (h2 == null) {
                    dial.getNow().close(); // the client went away while dialling
                }
                return;
            }
            if (h2 != null) {
                openStream(h2);
            } else {
                onConnected(dial.getNow().pipeline().get(UpstreamConnection.class));
            }
        });
    }

    private boolean isUpgrade() {
        return request.headers().contains(HttpHeaderNames.UPGRADE);
    }

    private void openStream(UpstreamH2Connection h2) {
        // HTTP/2 has no Host header: the codec makes it :authority; the scheme is the connection's
        request.headers().set(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(), target.isTls() ? "https" : "http");
        h2.openStream().addListener(f -> {
            if (!f.isSuccess()) {
                fail(UpstreamFailure.statusOf(f.cause()), f.cause());
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
            if (done) {
                stream.close();
                return;
            }
            onConnected(stream.pipeline().get(UpstreamConnection.class));
        });
    }

    private void onConnected(UpstreamConnection c) {
        this.connection = c;
        this.channel = c.channel();
        if (!(channel instanceof Http2StreamChannel)) {
            request.headers().remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text()); // set for a stream before
        }
        c.bind(this);
        channel.write(request, channel.voidPromise());
        exchange.markUpstreamRequestWritten();
        long timeout = target.transport().responseHeaderTimeout().toNanos();
        if (timeout > 0) {
            responseTimeout = loop.schedule(this::onResponseTimeout, timeout, TimeUnit.NANOSECONDS);
        }
        channel.read();
        if (!retried) {
            exchange.consumeRequestBody(this);
        } else {
            // a retry only happens for a request without body that was complete: end the message for the codec
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
        }
    }

    // ---- request body: client → backend ------------------------------------------------------------------------

    @Override
    public void onRequestContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestDone = true;
        }
        if (done || channel == null) {
            content.release();
            return;
        }
        channel.write(content, channel.voidPromise());
    }

    @Override
    public void flushRequestBody() {
        if (channel != null) {
            channel.flush();
        }
    }

    @Override
    public boolean isWritable() {
        return channel != null && channel.isWritable();
    }

    void onUpstreamWritable() {
        exchange.requestMoreBody();
    }

    // ---- response: backend → client ----------------------------------------------------------------------------

    void onUpstreamMessage(Object msg) {
        if (done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof FullHttpResponse full) {
            if (exchange.isHttp2() && !full.content().isReadable() && full.trailingHeaders().isEmpty()
                    && full.status().code() >= 200) {
                // a headers-only response (gRPC's trailers-only errors) stays one HEADERS frame with END_STREAM
                onResponseHead(full);
                if (done) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                responseDone = true;
                exchange.flushResponse();
                finish();
                return;
            }
            // HTTP/2 HEADERS with END_STREAM: the exchange takes head and end of body separately
            HttpResponse head = new DefaultHttpResponse(full.protocolVersion(), full.status(), full.headers());
            LastHttpContent last = new DefaultLastHttpContent(full.content(), full.trailingHeaders());
            onUpstreamMessage(head);
            onUpstreamMessage(last);
            return;
        }
        if (msg instanceof HttpResponse response) {
            onResponseHead(response);
            if (done) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (informational) {
                content.release();
                if (content instanceof LastHttpContent) {
                    informational = false;
                }
                return;
            }
            if (content instanceof LastHttpContent) {
                responseDone = true;
            }
            exchange.writeResponseContent(content);
            if (responseDone) {
                exchange.flushResponse();
                finish();
            }
        } else if (!(msg instanceof HttpResponse)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onResponseHead(HttpResponse response) {
        if (response.decoderResult().isFailure()) {
            fail(HttpResponseStatus.BAD_GATEWAY, response.decoderResult().cause());
            return;
        }
        int code = response.status().code();
        if (code == 101) {
            cancelTimeout();
            HopByHopHeaders.stripResponse(response.headers(), true);
            responseStarted = true;
            done = true;
            connection.unbind();
            exchange.listener(null);
            // write only the head: the codec's empty last content that follows belongs to HTTP framing
            exchange.writeResponseHead(response);
            exchange.flushResponse();
            exchange.switchToRelay(channel);
            return;
        }
        if (code >= 100 && code < 200) {
            // 100 Continue, 103 Early Hints: relay the interim response, wait for the final one
            informational = true;
            HopByHopHeaders.stripResponse(response.headers(), false);
            exchange.channel().writeAndFlush(new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    exchange.channel().alloc().buffer(0), response.headers(),
                    io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE));
            return;
        }
        cancelTimeout();
        responseStarted = true;
        responseKeepAlive = HttpUtil.isKeepAlive(response);
        response.headers().remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
        HopByHopHeaders.stripResponse(response.headers(), false);
        exchange.originStatus(code);
        exchange.writeResponseHead(response);
    }

    void onUpstreamReadComplete() {
        if (done) {
            return;
        }
        exchange.flushResponse();
        if (exchange.responseWritable()) {
            channel.read();
        } else {
            waitingForClient = true;
        }
    }

    @Override
    public void onClientWritable() {
        if (waitingForClient && !done && channel != null) {
            waitingForClient = false;
            channel.read();
        }
    }

    @Override
    public void onClientClosed() {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        if (connection != null) {
            connection.unbind();
            channel.close();
        }
    }

    void onUpstreamClosed(Throwable cause) {
        if (done) {
            return;
        }
        if (!responseStarted) {
            // a backend that closed a reused keep-alive connection, or refused an HTTP/2 stream, did not process it
            boolean unprocessed = connection.unprocessed && requestDone && !exchange.hasRequestBody();
            if (!retried && (unprocessed || connection.reused && isRetryable())) {
                retried = true;
                cancelTimeout();
                connection = null;
                channel = null;
                acquire(true);
                return;
            }
            fail(cause == null ? HttpResponseStatus.BAD_GATEWAY : UpstreamFailure.statusOf(cause), cause);
            return;
        }
        // the body was cut short: so must the client's response be
        done = true;
        cancelTimeout();
        exchange.abort();
    }

    private boolean isRetryable() {
        HttpMethod m = request.method();
        boolean idempotent = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS
                || m == HttpMethod.TRACE;
        return idempotent && requestDone && !exchange.hasRequestBody();
    }

    private void onResponseTimeout() {
        if (done || responseStarted) {
            return;
        }
        fail(HttpResponseStatus.GATEWAY_TIMEOUT, null);
    }

    private void fail(HttpResponseStatus status, Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        if (LOG.isDebugEnabled()) {
            LOG.debug("router {}: {} {} forwarding to {}", exchange.router() == null ? "-" : exchange.router().name(),
                    status.code(), status.reasonPhrase(), target.url(), cause);
        }
        if (connection != null) {
            connection.unbind();
            channel.close();
        }
        if (exchange.responseStarted()) {
            exchange.abort();
        } else {
            exchange.respond(status, status.reasonPhrase());
        }
    }

    private void finish() {
        done = true;
        connection.unbind();
        exchange.listener(null);
        if (channel instanceof Http2StreamChannel) {
            channel.close(); // the stream is over (a reset when the request body is not), the connection stays
            return;
        }
        // a backend that answered before the request body ended leaves the connection mid-message: not reusable
        if (responseKeepAlive && requestDone && exchange.requestComplete()) {
            connection.reused = true;
            UpstreamPools.release(connection);
        } else {
            channel.close();
        }
    }

    private void cancelTimeout() {
        if (responseTimeout != null) {
            responseTimeout.cancel(false);
            responseTimeout = null;
        }
    }
}
