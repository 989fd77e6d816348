package io.trafficcop.proxy.service.failover;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import io.trafficcop.proxy.http.ResponseDiverter;
import io.trafficcop.proxy.middleware.HttpCodeRanges;
import io.trafficcop.proxy.service.HttpService;
import java.util.ArrayList;
import java.util.List;

/**
 * One request through a failover service with {@code failover.errors}: the request body is buffered (up to
 * {@code maxRequestBodyBytes}, else 413 "Request body too large"), the request goes to the primary service, and when
 * the primary's status is in {@code errors.status} its response is discarded and the same request (head as received,
 * body replayed) goes to the fallback — or 503 when the fallback is down. Runs on the exchange's event loop.
 */
final class StatusFailover implements RequestBodyConsumer, ResponseDiverter, Runnable {

    private final FailoverService failover;
    private final Exchange exchange;
    private final HttpService primary;
    private final HttpService fallback;
    private final HttpCodeRanges ranges;
    private final long maxBodyBytes;
    private final String uri;
    private final HttpHeaders headers;
    private final List<HttpContent> body = new ArrayList<>(2);
    private long size;
    private boolean complete;
    private boolean released;

    StatusFailover(FailoverService failover, Exchange exchange, HttpService primary, HttpService fallback,
                   HttpCodeRanges ranges, long maxBodyBytes) {
        this.failover = failover;
        this.exchange = exchange;
        this.primary = primary;
        this.fallback = fallback;
        this.ranges = ranges;
        this.maxBodyBytes = maxBodyBytes;
        this.uri = exchange.request().uri();
        this.headers = exchange.request().headers().copy();
    }

    void start() {
        exchange.addCompletionListener(this);
        exchange.consumeRequestBody(this);
    }

    // ---- buffering the request body ------------------------------------------------------------------------------

    @Override
    public void onRequestContent(HttpContent content) {
        if (complete || released) {
            content.release();
            return;
        }
        size += content.content().readableBytes();
        body.add(content);
        if (maxBodyBytes >= 0 && size > maxBodyBytes) {
            complete = true;
            run(); // release what was buffered
            exchange.respond(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request body too large\n");
            return;
        }
        if (content instanceof LastHttpContent) {
            complete = true;
            // not from inside the exchange's body delivery: the primary takes the body over from here
            exchange.channel().eventLoop().execute(this::toPrimary);
        }
    }

    @Override
    public void flushRequestBody() {
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    // ---- primary, then fallback ----------------------------------------------------------------------------------

    private void toPrimary() {
        if (exchange.finished() || released) {
            return;
        }
        exchange.replayRequestBody(duplicates());
        exchange.divertResponse(this);
        primary.handle(exchange);
    }

    @Override
    public boolean divert(HttpResponse head) {
        return ranges.contains(head.status().code());
    }

    @Override
    public void diverted() {
        if (released) {
            return;
        }
        exchange.request().setUri(uri);
        exchange.request().headers().set(headers);
        if (!failover.fallbackUp()) {
            exchange.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, "Service Unavailable\n");
            return;
        }
        exchange.replayRequestBody(duplicates());
        fallback.handle(exchange);
    }

    private List<HttpContent> duplicates() {
        List<HttpContent> copies = new ArrayList<>(body.size());
        for (HttpContent c : body) {
            copies.add(c.retainedDuplicate());
        }
        return copies;
    }

    /** The exchange is over: the buffered body goes. */
    @Override
    public void run() {
        if (released) {
            return;
        }
        released = true;
        for (HttpContent c : body) {
            c.release();
        }
        body.clear();
    }
}
