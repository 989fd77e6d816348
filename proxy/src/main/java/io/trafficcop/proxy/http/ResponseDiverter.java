package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpResponse;

/**
 * Lets a service take back the response of the handler it called (Traefik 3.7's {@code failover.errors}): when
 * {@link #divert} returns true for the response head, that response is discarded instead of written — head and body;
 * the interceptors registered since see the head, then are dropped — and {@link #diverted} runs once it is over (on the event loop, after the
 * producer finished), so the service can send the exchange elsewhere. Registered with
 * {@link Exchange#divertResponse}.
 */
public interface ResponseDiverter {

    /** Whether to discard this response (the head is then released by the exchange). */
    boolean divert(HttpResponse head);

    /** The discarded response is over: the exchange is as before the call, ready for another handler. */
    void diverted();
}
