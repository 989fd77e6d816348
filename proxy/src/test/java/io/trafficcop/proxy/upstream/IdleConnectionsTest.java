package io.trafficcop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** idleConnTimeout as one timer per pool: connections close once idle that long, counted from when they went idle. */
class IdleConnectionsTest {

    static final UpstreamTarget TARGET = UpstreamTarget.of("http://127.0.0.1:1",
            new ServersTransportSettings("t", 0, null, null, Duration.ofSeconds(10)));

    EmbeddedChannel loopOwner;
    IdleConnections pool;

    @BeforeEach
    void setUp() {
        loopOwner = new EmbeddedChannel();
        loopOwner.freezeTime();
        pool = new IdleConnections(TARGET, loopOwner.eventLoop());
    }

    private static UpstreamConnection connection(UpstreamTarget target) {
        UpstreamConnection c = new UpstreamConnection(target);
        new EmbeddedChannel(c);
        return c;
    }

    private void advance(long seconds) {
        loopOwner.advanceTimeBy(seconds, TimeUnit.SECONDS);
        loopOwner.runScheduledPendingTasks();
    }

    @Test
    void closesAConnectionOnceIdleForIdleConnTimeout() {
        UpstreamConnection c = connection(TARGET);
        pool.add(c);

        advance(9);
        assertThat(c.channel().isOpen()).isTrue();
        assertThat(pool.size()).isEqualTo(1);

        advance(1);
        assertThat(c.channel().isOpen()).isFalse();
        assertThat(pool.isEmpty()).isTrue();
        assertThat(c.pooled).isFalse();
    }

    @Test
    void countsEachConnectionFromWhenItWentIdle() {
        UpstreamConnection first = connection(TARGET);
        UpstreamConnection second = connection(TARGET);
        pool.add(first);
        advance(6);
        pool.add(second);

        advance(4);
        assertThat(first.channel().isOpen()).isFalse();
        assertThat(second.channel().isOpen()).isTrue();

        advance(6);
        assertThat(second.channel().isOpen()).isFalse();
        assertThat(pool.isEmpty()).isTrue();
    }

    @Test
    void givesTheNewestConnectionFirstAndNeverClosesOneInUse() {
        UpstreamConnection older = connection(TARGET);
        UpstreamConnection newer = connection(TARGET);
        pool.add(older);
        pool.add(newer);

        assertThat(pool.pollNewest()).isSameAs(newer);
        assertThat(newer.pooled).isFalse();
        advance(10);
        assertThat(older.channel().isOpen()).isFalse();
        assertThat(newer.channel().isOpen()).as("in use, not idle").isTrue();
    }

    @Test
    void skipsConnectionsClosedWhileIdle() {
        UpstreamConnection closed = connection(TARGET);
        pool.add(closed);
        closed.channel().close();

        assertThat(pool.pollNewest()).isNull();
        assertThat(closed.pooled).isFalse();
    }

    @Test
    void keepsConnectionsWithoutTimeoutWhenIdleConnTimeoutIsZero() {
        UpstreamTarget forever = UpstreamTarget.of("http://127.0.0.1:1",
                new ServersTransportSettings("t", 0, null, null, Duration.ZERO));
        IdleConnections unbounded = new IdleConnections(forever, loopOwner.eventLoop());
        UpstreamConnection c = connection(forever);
        unbounded.add(c);

        advance(3600);
        assertThat(c.channel().isOpen()).isTrue();
    }
}
