package io.trafficcop.proxy.http;

/**
 * Connection events an exchange's response producer (an upstream connection) reacts to: back-pressure from the
 * client and the client going away.
 */
public interface ExchangeListener {

    /** The client connection can take more response bytes: read more from the producer. */
    void onClientWritable();

    /** The client went away before the response was complete (recorded as status 499). */
    void onClientClosed();
}
