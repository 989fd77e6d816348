package io.trafficcop.proxy.middleware.forwardauth;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import java.util.function.Consumer;

/**
 * Reads a whole request body into memory up to {@code maxBodySize} bytes (negative: unlimited) for forwardAuth's
 * {@code forwardBody}; past the limit it drops what it has and every further chunk and reports the overflow once.
 */
final class RequestBodyCollector implements RequestBodyConsumer {

    private final long maxBodySize;
    private final CompositeByteBuf body;
    private final Consumer<LastHttpContent> onComplete;
    private final Runnable onTooLarge;
    private boolean over;

    RequestBodyCollector(ByteBufAllocator alloc, long maxBodySize, Consumer<LastHttpContent> onComplete,
                         Runnable onTooLarge) {
        this.maxBodySize = maxBodySize;
        this.body = alloc.compositeBuffer(Integer.MAX_VALUE);
        this.onComplete = onComplete;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public void onRequestContent(HttpContent content) {
        if (over) {
            content.release();
            return;
        }
        if (content.content().isReadable()) {
            body.addComponent(true, content.content().retain());
        }
        boolean last = content instanceof LastHttpContent;
        LastHttpContent trailer = last ? (LastHttpContent) content : null;
        var trailers = last ? trailer.trailingHeaders().copy() : null;
        content.release();
        if (maxBodySize >= 0 && body.readableBytes() > maxBodySize) {
            over = true;
            body.release();
            onTooLarge.run();
            return;
        }
        if (last) {
            DefaultLastHttpContent whole = new DefaultLastHttpContent(body);
            whole.trailingHeaders().set(trailers);
            onComplete.accept(whole);
        }
    }

    @Override
    public void flushRequestBody() {
        // nothing written anywhere before the body is complete
    }

    @Override
    public boolean isWritable() {
        return !over;
    }
}
