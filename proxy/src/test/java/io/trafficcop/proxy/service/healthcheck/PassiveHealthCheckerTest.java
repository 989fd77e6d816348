package io.trafficcop.proxy.service.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Traefik's passive health check: failures within the window, reset on success, recovery timer. */
class PassiveHealthCheckerTest {

    final DefaultEventLoop loop = new DefaultEventLoop();
    final AtomicLong clock = new AtomicLong();
    final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    PassiveHealthChecker checker(int max, Duration window, boolean active) {
        return new PassiveHealthChecker("svc@test", (name, up) -> events.add(name + (up ? " up" : " down")), max,
                window, active, clock::get);
    }

    @Test
    void marksDownAfterMaxFailuresWithinTheWindowAndBackAfterIt() {
        var p = checker(3, Duration.ofMillis(100), false);
        p.record("s", 502, loop);
        p.record("s", 500, loop);
        assertThat(events).isEmpty();
        p.record("s", 503, loop);
        assertThat(events).containsExactly("s down");
        p.record("s", 503, loop); // already down: no second timer
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).containsExactly("s down", "s up");
    }

    @Test
    void failuresOutsideTheWindowAndSuccessesReset() {
        var p = checker(2, Duration.ofSeconds(10), false);
        p.record("s", 500, loop);
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        p.record("s", 500, loop); // the first one is outside the window
        assertThat(events).isEmpty();
        p.record("s", 200, loop); // a success clears the failures
        p.record("s", 500, loop);
        assertThat(events).isEmpty();
        p.record("s", 500, loop);
        assertThat(events).containsExactly("s down");
    }

    @Test
    void withAnActiveHealthCheckTheServerStaysDownUntilItRecovers() throws Exception {
        var p = checker(1, Duration.ofMillis(10), true);
        p.record("s", 500, loop);
        assertThat(events).containsExactly("s down");
        loop.schedule(() -> { }, 50, java.util.concurrent.TimeUnit.MILLISECONDS).sync();
        assertThat(events).containsExactly("s down");
    }
}
