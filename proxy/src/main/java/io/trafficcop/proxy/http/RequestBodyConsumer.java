package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpContent;

/**
 * Where the request body of an exchange goes (an upstream connection, a buffering middleware...). The exchange
 * pushes chunks only after {@link Exchange#consumeRequestBody} and reads more from the client only while
 * {@link #isWritable()}; the consumer calls {@link Exchange#requestMoreBody()} when it can take more again.
 */
public interface RequestBodyConsumer {

    /** Takes ownership of the chunk; the last one is a {@link io.netty.handler.codec.http.LastHttpContent}. */
    void onRequestContent(HttpContent content);

    /** Flushes what {@link #onRequestContent} wrote; called at the end of each read from the client. */
    void flushRequestBody();

    boolean isWritable();
}
