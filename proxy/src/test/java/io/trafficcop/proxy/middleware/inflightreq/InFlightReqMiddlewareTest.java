package io.trafficcop.proxy.middleware.inflightreq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.InFlightReq;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.MiddlewareProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** inFlightReq (Traefik has no test table for it: rows follow oxy's connlimit behaviour). */
class InFlightReqMiddlewareTest {

    @BeforeAll
    static void leaks() {
        LeakCheck.paranoid();
    }

    /** A next handler that holds each request until told to answer. */
    static final class Holding implements HttpHandler {
        final List<Exchange> held = new ArrayList<>();

        @Override
        public void handle(Exchange exchange) {
            held.add(exchange);
        }

        void answer(int index) {
            held.get(index).respond(HttpResponseStatus.OK, "traefik\n");
        }
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("same host shares the limit (default: request host)", null,
                        Map.of("Host", "a.test"), "10.0.0.1", Map.of("Host", "a.test"), "10.0.0.2", 429),
                Arguments.of("other host has its own limit", null,
                        Map.of("Host", "a.test"), "10.0.0.1", Map.of("Host", "b.test"), "10.0.0.1", 200),
                Arguments.of("by ip strategy: same client shares", new SourceCriterion(new IpStrategy(null, null, null),
                        null, null), Map.of("Host", "a.test"), "10.0.0.1", Map.of("Host", "b.test"), "10.0.0.1", 429),
                Arguments.of("by ip strategy: other client passes",
                        new SourceCriterion(new IpStrategy(null, null, null), null, null),
                        Map.of("Host", "a.test"), "10.0.0.1", Map.of("Host", "a.test"), "10.0.0.2", 200),
                Arguments.of("by header", new SourceCriterion(null, "X-Tenant", null),
                        Map.of("X-Tenant", "t1"), "10.0.0.1", Map.of("X-Tenant", "t2"), "10.0.0.1", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void limits(String desc, SourceCriterion criterion, Map<String, String> firstHeaders, String firstIp,
                Map<String, String> secondHeaders, String secondIp, int secondStatus) {
        var middleware = new InFlightReqMiddleware(new InFlightReq(1L, criterion));
        var holding = new Holding();
        var probe = new MiddlewareProbe();
        try {
            var first = probe.start(middleware, MiddlewareProbe.request("/", firstHeaders), firstIp, holding);
            var second = probe.start(middleware, MiddlewareProbe.request("/", secondHeaders), secondIp, holding);
            if (secondStatus == 429) {
                var refused = second.result();
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.body()).isEqualTo("max connections reached: 1");
                assertThat(refused.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            } else {
                holding.answer(1);
                assertThat(second.result().status()).isEqualTo(200);
            }
            holding.answer(0);
            assertThat(first.result().status()).isEqualTo(200);
        } finally {
            probe.close();
        }
    }

    @Test
    void aSlotIsFreedWhenTheResponseIsWritten() {
        var middleware = new InFlightReqMiddleware(new InFlightReq(2L, null));
        var holding = new Holding();
        var probe = new MiddlewareProbe();
        try {
            var r1 = probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", holding);
            var r2 = probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", holding);
            assertThat(middleware.inFlight("localhost")).isEqualTo(2);
            assertThat(probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", holding).result()
                    .body()).isEqualTo("max connections reached: 2");
            holding.answer(0);
            assertThat(r1.result().status()).isEqualTo(200);
            assertThat(middleware.inFlight("localhost")).isEqualTo(1);
            var r4 = probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", holding);
            holding.answer(1);
            holding.answer(2);
            assertThat(r2.result().status()).isEqualTo(200);
            assertThat(r4.result().status()).isEqualTo(200);
            assertThat(middleware.inFlight("localhost")).isZero();
        } finally {
            probe.close();
        }
    }

    @Test
    void aSlotIsFreedWhenTheClientGoesAway() {
        var middleware = new InFlightReqMiddleware(new InFlightReq(1L, null));
        var holding = new Holding();
        var probe = new MiddlewareProbe();
        probe.start(middleware, MiddlewareProbe.request("/", Map.of()), "10.0.0.1", holding);
        assertThat(middleware.inFlight("localhost")).isEqualTo(1);
        probe.channel().close();
        probe.close();
        assertThat(middleware.inFlight("localhost")).isZero();
    }

    @Test
    void rejectsConflictingCriteria() {
        assertThatThrownBy(() -> new InFlightReqMiddleware(new InFlightReq(1L, new SourceCriterion(null, "X", true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestHost and RequestHeaderName are mutually exclusive");
    }
}
