package io.trafficcop.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end of a response completes its exchange once, whether the owner shares one last-write listener across its
 * exchanges (the server's connection handler) or leaves each exchange its own (null).
 */
class ExchangeLastWriteTest {

    @ParameterizedTest(name = "shared listener: {0}")
    @ValueSource(booleans = {true, false})
    void completesTheExchangeOnceItsLastWriteIsDone(boolean shared) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        try {
            RecordingOwner owner = new RecordingOwner(shared);
            Exchange exchange = owner.start(channel);

            exchange.respond(HttpResponseStatus.NOT_FOUND, "404 page not found\n");
            channel.runPendingTasks();

            assertThat(owner.completions).containsExactly("keepAlive=true");
            assertThat(exchange.finished()).isTrue();
            assertThat(exchange.status()).isEqualTo(404);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @ParameterizedTest(name = "shared listener: {0}")
    @ValueSource(booleans = {true, false})
    void ignoresAFutureThatIsNotItsLastWrite(boolean shared) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        try {
            RecordingOwner owner = new RecordingOwner(shared);
            Exchange exchange = owner.start(channel);

            exchange.lastResponseWriteDone(channel.newSucceededFuture()); // e.g. a previous exchange's write

            assertThat(owner.completions).isEmpty();
            assertThat(exchange.finished()).isFalse();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** An owner with one current exchange, like the server's connection handler. */
    private static final class RecordingOwner implements ExchangeOwner {

        final List<String> completions = new ArrayList<>();
        private final ChannelFutureListener sharedListener;
        private Exchange current;

        RecordingOwner(boolean shared) {
            this.sharedListener = shared ? future -> {
                if (current != null) {
                    current.lastResponseWriteDone(future);
                }
            } : null;
        }

        Exchange start(EmbeddedChannel channel) {
            ChannelHandlerContext ctx = channel.pipeline().firstContext();
            var entryPoint = new EntryPointContext(EntryPointSettings.of("web", "127.0.0.1:0"), "proxy-host");
            current = new Exchange(ctx, this, new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"),
                    entryPoint, new InetSocketAddress("10.0.0.1", 40000), "10.0.0.1", false, false);
            current.onRequestContent(LastHttpContent.EMPTY_LAST_CONTENT);
            return current;
        }

        @Override
        public void readRequestBody(Exchange exchange) {
        }

        @Override
        public void exchangeComplete(Exchange exchange, boolean keepAlive) {
            completions.add("keepAlive=" + keepAlive);
            current = null;
        }

        @Override
        public void switchToRelay(Exchange exchange, Channel upstream) {
        }

        @Override
        public boolean terminating() {
            return false;
        }

        @Override
        public ChannelFutureListener lastResponseWriteListener() {
            return sharedListener;
        }
    }
}
