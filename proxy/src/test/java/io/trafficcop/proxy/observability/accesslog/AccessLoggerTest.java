package io.trafficcop.proxy.observability.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.install.AccessLog;
import io.trafficcop.proxy.config.install.AccessLogFields;
import io.trafficcop.proxy.config.install.AccessLogFilters;
import io.trafficcop.proxy.config.install.FieldHeaders;
import io.trafficcop.proxy.config.install.FieldQueryParameters;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.runtime.RouterRuntime;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fields of an entry, after {@code accessLog.fields}: Traefik's TestLoggerJSON and TestLoggerHeaderFields
 * (logger_test.go) on a real exchange, a router, and a backend answering 200 with a text body.
 */
class AccessLoggerTest {

    private static final String BODY = "Hello, World";
    private static final Set<String> JSON_ONLY = Set.of("level", "msg", "time");
    private static final Set<String> CORE = Set.of("StartUTC", "StartLocal", "RequestCount", "entryPointName",
            "RequestAddr", "RequestHost", "RequestPort", "RequestMethod", "RequestPath", "RequestProtocol",
            "RequestScheme", "ClientAddr", "ClientHost", "ClientPort", "ClientUsername", "RetryAttempts",
            "RequestContentSize", "DownstreamStatus", "DownstreamContentSize", "Duration", "Overhead", "RouterName",
            "ServiceURL", "ServiceAddr", "ServiceName", "OriginStatus", "OriginDuration", "OriginContentSize");

    static Stream<Arguments> fieldModes() {
        return Stream.of(
                Arguments.of("default config: every field, no header", null, union(CORE, JSON_ONLY)),
                Arguments.of("headers kept", fields("keep", null, "keep", null),
                        union(CORE, JSON_ONLY, Set.of("request_Referer", "request_User-Agent",
                                "downstream_Content-Type"))),
                Arguments.of("drop all fields", fields("drop", null, "keep", null),
                        union(JSON_ONLY, Set.of("request_Referer", "request_User-Agent", "downstream_Content-Type"))),
                Arguments.of("drop all fields and headers", fields("drop", null, "drop", null), JSON_ONLY),
                Arguments.of("drop all fields, keep one field and one header",
                        fields("drop", Map.of("RequestHost", "keep"), "drop", Map.of("Referer", "keep")),
                        union(JSON_ONLY, Set.of("RequestHost", "request_Referer"))),
                Arguments.of("fields and headers with unconventional letter case",
                        fields("drop", Map.of("rEqUeStHoSt", "keep"), "drop", Map.of("ReFeReR", "keep")),
                        union(JSON_ONLY, Set.of("RequestHost", "request_Referer"))),
                Arguments.of("keep all, drop some fields",
                        fields("keep", Map.of("StartUTC", "drop", "ClientPort", "drop"), "drop", null),
                        without(union(CORE, JSON_ONLY), "StartUTC", "ClientPort")),
                Arguments.of("an unknown mode is the default", fields("drop", Map.of("RequestHost", "redact"),
                        "drop", Map.of("Referer", "shout")), JSON_ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fieldModes(String name, AccessLogFields fields, Set<String> expectedKeys) throws Exception {
        Map<String, Object> json = json(run(config(fields, null)));

        assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    }

    @Test
    void recordsTheRequestAndResponse() throws Exception {
        Map<String, Object> json = json(run(config(fields("keep", null, "keep", null), null)));

        assertThat(json).containsEntry("RequestMethod", "GET")
                .containsEntry("RequestPath", "/foo/bar?param1=test1&param2=test2")
                .containsEntry("RequestProtocol", "HTTP/1.1")
                .containsEntry("RequestScheme", "http")
                .containsEntry("RequestAddr", "testhost")
                .containsEntry("RequestHost", "testhost")
                .containsEntry("RequestPort", "-")
                .containsEntry("ClientAddr", "10.0.0.1:40000")
                .containsEntry("ClientHost", "10.0.0.1")
                .containsEntry("ClientPort", "40000")
                .containsEntry("ClientUsername", "-")
                .containsEntry("DownstreamStatus", 200)
                .containsEntry("DownstreamContentSize", BODY.length())
                .containsEntry("OriginStatus", 200)
                .containsEntry("OriginContentSize", BODY.length())
                .containsEntry("RequestContentSize", 0)
                .containsEntry("RetryAttempts", 0)
                .containsEntry("RouterName", "foo@file")
                .containsEntry("ServiceURL", "http://10.0.0.2:8080")
                .containsEntry("ServiceAddr", "10.0.0.2:8080")
                .containsEntry("ServiceName", "app@file")
                .containsEntry("entryPointName", "web")
                .containsEntry("request_Referer", "testReferer")
                .containsEntry("request_User-Agent", "testUserAgent")
                .containsEntry("downstream_Content-Type", "text/plain; charset=utf-8");
        assertThat(((Number) json.get("RequestCount")).longValue()).isPositive();
        assertThat(((Number) json.get("Duration")).longValue()).isPositive();
    }

    @Test
    void logsTheUserAnAuthMiddlewareAuthenticated() throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        var logger = new AccessLogger(config(null, null), Set.of(), entries::add, () -> { });
        MiddlewareHarness.request("/private").run((io.trafficcop.proxy.middleware.Middleware) next -> exchange -> {
            logger.onExchange(exchange);
            exchange.clientUsername("alice");
            next.handle(exchange);
        });

        assertThat(entries).singleElement().extracting(e -> e.get("ClientUsername")).isEqualTo("alice");
    }

    @Test
    void redactsHeaders() throws Exception {
        Map<String, Object> json = json(run(config(fields("drop", null, "redact", Map.of("Referer", "keep")),
                null)));

        assertThat(json).containsEntry("request_Referer", "testReferer")
                .containsEntry("request_User-Agent", "REDACTED")
                .containsEntry("downstream_Content-Type", "REDACTED");
    }

    @Test
    void joinsRepeatedHeaderValues() throws Exception {
        // TestLoggerHeaderFields: the values of a header kept by its name in any case, joined by ","
        List<Map<String, Object>> entries = new ArrayList<>();
        var logger = new AccessLogger(config(fields("drop", null, "drop", Map.of("user-agent", "keep")), null),
                Set.of(), entries::add, () -> { });
        MiddlewareHarness.request("/foo").header(HttpHeaderNames.USER_AGENT, "AAA")
                .header(HttpHeaderNames.USER_AGENT, "BBB").run(observed(logger));

        assertThat(entries).singleElement().isEqualTo(Map.of("request_User-Agent", "AAA,BBB"));
    }

    @Test
    void dropsTheQueryWhenQueryParametersAreDropped() throws Exception {
        var fields = new AccessLogFields(null, null, null, new FieldQueryParameters("drop"));
        Map<String, Object> json = json(run(config(fields, null)));

        assertThat(json).containsEntry("RequestPath", "/foo/bar");
    }

    @Test
    void filtersEntries() {
        var filters = new AccessLogFilters(List.of("500-599"), null, null);
        assertThat(run(config(null, filters))).isNull();
    }

    @Test
    void keepsRetriedRequestsWithTheRetryAttemptsFilter() throws Exception {
        var filters = new AccessLogFilters(null, true, null);
        assertThat(run(config(null, filters), 0)).isNull();
        assertThat(json(run(config(null, filters), 2))).containsEntry("RetryAttempts", 2);
    }

    static Stream<Arguments> routerToggle() {
        return Stream.of(
                Arguments.of(true, null, true),
                Arguments.of(true, true, true),
                Arguments.of(true, false, false),
                Arguments.of(false, null, false),
                Arguments.of(false, true, true),
                Arguments.of(false, false, false));
    }

    @ParameterizedTest(name = "entry point {0}, router {1}: logged {2}")
    @MethodSource
    void routerToggle(boolean entryPoint, Boolean router, boolean logged) {
        // Traefik: the router's observability.accessLogs when set, else the entry point's
        List<Map<String, Object>> entries = new ArrayList<>();
        var logger = new AccessLogger(config(null, null), entryPoint ? Set.of() : Set.of("web"), entries::add,
                () -> { });
        MiddlewareHarness.request("/").run((io.trafficcop.proxy.middleware.Middleware) next -> exchange -> {
            logger.onExchange(exchange);
            exchange.router(new RouterRuntime("r@file", next, router));
            next.handle(exchange);
        });
        assertThat(entries).hasSize(logged ? 1 : 0);
    }

    @Test
    void skipsEntryPointsWithAccessLogsOff() {
        List<Map<String, Object>> entries = new ArrayList<>();
        var logger = new AccessLogger(config(null, null), Set.of("web"), entries::add, () -> { });
        MiddlewareHarness.request("/").run(observed(logger));
        assertThat(entries).isEmpty();
    }

    @Test
    void skipsInternalRoutersUnlessAddInternals() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Boolean addInternals : new Boolean[] {false, true}) {
            var config = new AccessLog(null, "json", null, null, null, addInternals, null, null);
            var logger = new AccessLogger(config, Set.of(), entries::add, () -> { });
            MiddlewareHarness.request("/ping").run((io.trafficcop.proxy.middleware.Middleware) next -> exchange -> {
                logger.onExchange(exchange);
                exchange.router(new RouterRuntime("ping@internal", next));
                next.handle(exchange);
            });
        }
        assertThat(entries).singleElement().extracting(e -> e.get("RouterName")).isEqualTo("ping@internal");
    }

    private static AccessLog config(AccessLogFields fields, AccessLogFilters filters) {
        return new AccessLog(null, "json", filters, fields, null, null, null, null);
    }

    private static AccessLogFields fields(String mode, Map<String, String> names, String headerMode,
                                          Map<String, String> headerNames) {
        return new AccessLogFields(mode, names, new FieldHeaders(headerMode, headerNames), null);
    }

    /** One request through an access logger; the entry's fields, or null when none was written. */
    private static Map<String, Object> run(AccessLog config) {
        return run(config, 0);
    }

    private static Map<String, Object> run(AccessLog config, int retries) {
        List<Map<String, Object>> entries = new ArrayList<>();
        var logger = new AccessLogger(config, Set.of(), entries::add, () -> { });
        HttpHandler backend = exchange -> {
            exchange.serviceName("app@file");
            for (int i = 0; i < retries; i++) {
                exchange.recordRetryAttempt();
            }
            exchange.forwardingTo(UpstreamTarget.of("http://10.0.0.2:8080", null));
            exchange.originStatus(200);
            MiddlewareHarness.stream(HttpResponseStatus.OK,
                    h -> h.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8"), BODY).handle(exchange);
        };
        MiddlewareHarness.request("/foo/bar?param1=test1&param2=test2").host("testhost")
                .header(HttpHeaderNames.REFERER, "testReferer").header(HttpHeaderNames.USER_AGENT, "testUserAgent")
                .backend(backend).run(observed(logger));
        assertThat(entries).hasSizeLessThanOrEqualTo(1);
        return entries.isEmpty() ? null : entries.get(0);
    }

    /** The entry point's view: the logger sees the exchange first, then the router takes it. */
    private static io.trafficcop.proxy.middleware.Middleware observed(AccessLogger logger) {
        return next -> exchange -> {
            logger.onExchange(exchange);
            exchange.router(new RouterRuntime("foo@file", next));
            next.handle(exchange);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Map<String, Object> entry) throws Exception {
        assertThat(entry).isNotNull();
        return new ObjectMapper().readValue(AccessLogFormat.JSON.format(entry, ZonedDateTime.now()), Map.class);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static Set<String> without(Set<String> set, String... names) {
        Set<String> copy = new java.util.HashSet<>(set);
        copy.removeAll(Set.of(names));
        return copy;
    }
}
