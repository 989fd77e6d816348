package io.trafficcop.proxy.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The client side of an exchange: an HTTP/1.1 connection or an HTTP/2 stream. Implemented by the entry point's
 * inbound handler; the exchange calls it to pull more of the request and to hand the connection back.
 */
public interface ExchangeOwner {

    /** Reads more from the client (request body), honouring back-pressure. */
    void readRequestBody(Exchange exchange);

    /** The response is fully written (or the exchange was aborted): the owner may serve the next request. */
    void exchangeComplete(Exchange exchange, boolean keepAlive);

    /**
     * The backend accepted a protocol upgrade (101, WebSocket): from now on the client connection and
     * {@code upstream} relay raw bytes both ways. The 101 head has already been written.
     */
    void switchToRelay(Exchange exchange, Channel upstream);

    /** Whether the entry point is shutting down (ping answers its terminating status code). */
    boolean terminating();

    /**
     * The listener of an exchange's last response write, one per connection or stream, which passes the outcome to
     * the owner's current exchange ({@link Exchange#lastResponseWriteDone}); null makes each exchange use its own.
     * Sharing it saves a listener object per response.
     */
    default ChannelFutureListener lastResponseWriteListener() {
        return null;
    }
}
