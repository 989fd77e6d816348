package io.trafficcop.proxy.middleware.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Traefik's pkg/middlewares/headers tests (headers_test.go, header_test.go, secure_test.go) and more. */
public class HeadersMiddlewareTest {

    /** A Headers record builder for the tests (the record has 33 components). */
    public static final class Config {
        public Map<String, String> customRequestHeaders;
        public Map<String, String> customResponseHeaders;
        public Boolean accessControlAllowCredentials;
        public List<String> accessControlAllowHeaders;
        public List<String> accessControlAllowMethods;
        public List<String> accessControlAllowOriginList;
        public List<String> accessControlAllowOriginListRegex;
        public List<String> accessControlExposeHeaders;
        public Long accessControlMaxAge;
        public Boolean addVaryHeader;
        public List<String> allowedHosts;
        public List<String> hostsProxyHeaders;
        public Map<String, String> sslProxyHeaders;
        public Long stsSeconds;
        public Boolean stsIncludeSubdomains;
        public Boolean stsPreload;
        public Boolean forceSTSHeader;
        public Boolean frameDeny;
        public String customFrameOptionsValue;
        public Boolean contentTypeNosniff;
        public Boolean browserXssFilter;
        public String customBrowserXSSValue;
        public String contentSecurityPolicy;
        public String contentSecurityPolicyReportOnly;
        public String publicKey;
        public String referrerPolicy;
        public String permissionsPolicy;
        public Boolean isDevelopment;
        public String featurePolicy;

        public static Headers of(Consumer<Config> setup) {
            Config c = new Config();
            setup.accept(c);
            return new Headers(c.customRequestHeaders, c.customResponseHeaders, c.accessControlAllowCredentials,
                    c.accessControlAllowHeaders, c.accessControlAllowMethods, c.accessControlAllowOriginList,
                    c.accessControlAllowOriginListRegex, c.accessControlExposeHeaders, c.accessControlMaxAge,
                    c.addVaryHeader, c.allowedHosts, c.hostsProxyHeaders, c.sslProxyHeaders, c.stsSeconds,
                    c.stsIncludeSubdomains, c.stsPreload, c.forceSTSHeader, c.frameDeny, c.customFrameOptionsValue,
                    c.contentTypeNosniff, c.browserXssFilter, c.customBrowserXSSValue, c.contentSecurityPolicy,
                    c.contentSecurityPolicyReportOnly, c.publicKey, c.referrerPolicy, c.permissionsPolicy,
                    c.isDevelopment, c.featurePolicy, null, null, null, null);
        }
    }

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, List<String>> asMap(HttpHeaders headers, String... ignored) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (var entry : headers) {
            if (List.of(ignored).stream().anyMatch(entry.getKey()::equalsIgnoreCase)) {
                continue;
            }
            map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
        }
        return map;
    }

    public static Map<String, String> map(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    // ---- headers_test.go -----------------------------------------------------------------------------------------

    @Test
    void newWithoutOptionsFails() {
        assertThatThrownBy(() -> new HeadersMiddleware(Config.of(c -> { })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headers configuration not valid");
    }

    @Test
    void newWithStsSecondsZeroIsValid() {
        var result = MiddlewareHarness.request("/foo").run(new HeadersMiddleware(Config.of(c -> c.stsSeconds = 0L)));

        assertThat(result.status).isEqualTo(200);
        assertThat(result.responseHeader("Strict-Transport-Security")).isNull();
    }

    @ParameterizedTest(name = "host \"{0}\" -> {1}")
    @CsvSource({"foo.com,200", "'',500", "boo.com,500", "FOO.com,200", "foo.com:80,500"})
    void allowedHosts(String host, int expected) {
        var middleware = new HeadersMiddleware(Config.of(c -> c.allowedHosts = List.of("foo.com", "bar.com")));

        var result = MiddlewareHarness.request("/foo").host(host.isEmpty() ? null : host).run(middleware);

        assertThat(result.status).isEqualTo(expected);
        assertThat(result.nextCalled).isEqualTo(expected == 200);
        if (expected == 500) {
            assertThat(result.body).isEqualTo("Bad Host\n");
        }
    }

    @Test
    void allowedHostsCheckUsesHostsProxyHeadersAndIsOffInDevelopment() {
        var proxied = new HeadersMiddleware(Config.of(c -> {
            c.allowedHosts = List.of("foo.com");
            c.hostsProxyHeaders = List.of("X-Forwarded-Host");
        }));
        assertThat(MiddlewareHarness.request("/").host("internal").header("X-Forwarded-Host", "foo.com")
                .run(proxied).status).isEqualTo(200);
        assertThat(MiddlewareHarness.request("/").host("foo.com").header("X-Forwarded-Host", "evil.com")
                .run(proxied).status).isEqualTo(500);

        var development = new HeadersMiddleware(Config.of(c -> {
            c.allowedHosts = List.of("foo.com");
            c.isDevelopment = true;
        }));
        assertThat(MiddlewareHarness.request("/").host("boo.com").run(development).status).isEqualTo(200);
    }

    @Test
    void badHostResponseStillGetsCustomResponseHeaders() {
        var middleware = new HeadersMiddleware(Config.of(c -> {
            c.allowedHosts = List.of("foo.com");
            c.customResponseHeaders = map("X-Custom", "yes");
            c.frameDeny = true;
        }));

        var result = MiddlewareHarness.request("/").host("boo.com").run(middleware);

        assertThat(result.status).isEqualTo(500);
        assertThat(result.responseHeader("X-Custom")).isEqualTo("yes");
        assertThat(result.responseHeader("X-Frame-Options")).isNull();
    }

    @Test
    void customHeaders() {
        var middleware = new HeadersMiddleware(Config.of(c -> {
            c.customRequestHeaders = map("X-Custom-Request-Header", "test_request");
            c.customResponseHeaders = map("X-Custom-Response-Header", "test_response");
        }));

        var result = MiddlewareHarness.request("/foo").run(middleware);

        assertThat(result.status).isEqualTo(200);
        assertThat(result.requestHeader("X-Custom-Request-Header")).isEqualTo("test_request");
        assertThat(result.responseHeader("X-Custom-Response-Header")).isEqualTo("test_response");
    }

    // ---- header_test.go ------------------------------------------------------------------------------------------

    static Stream<Arguments> customRequestHeaderCases() {
        return Stream.of(
                Arguments.of("adds a header", map("X-Custom-Request-Header", "test_request"),
                        headers("Host", "localhost", "Foo", "bar", "X-Custom-Request-Header", "test_request"), false),
                Arguments.of("delete a header", map("X-Forwarded-For", "", "X-Custom-Request-Header", "", "Foo", ""),
                        headers("Host", "localhost"), true),
                Arguments.of("override a header", map("Foo", "test"), headers("Host", "localhost", "Foo", "test"), false),
                Arguments.of("lower-case X-Forwarded-For is only removed", map("x-forwarded-for", ""),
                        headers("Host", "localhost", "Foo", "bar"), false),
                Arguments.of("custom Host header", map("Host", "example.com"),
                        headers("Host", "example.com", "Foo", "bar"), false),
                Arguments.of("empty Host does nothing", map("Host", ""), headers("Host", "localhost", "Foo", "bar"),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customRequestHeaderCases")
    void customRequestHeaders(String desc, Map<String, String> config, Map<String, List<String>> expected,
                              boolean forwardedForOmitted) {
        var middleware = new HeadersMiddleware(Config.of(c -> c.customRequestHeaders = config));
        boolean[] omitted = new boolean[1];

        var result = MiddlewareHarness.request("/foo").header("Foo", "bar").header("X-Forwarded-For", "1.2.3.4")
                .backend(exchange -> {
                    omitted[0] = exchange.forwardedForOmitted();
                    MiddlewareHarness.respond(HttpResponseStatus.OK, h -> { }).handle(exchange);
                })
                .run(middleware);

        assertThat(result.status).isEqualTo(200);
        assertThat(asMap(result.requestHeaders, "X-Forwarded-For")).isEqualTo(expected);
        assertThat(omitted[0]).isEqualTo(forwardedForOmitted);
        if (!forwardedForOmitted && !config.containsKey("x-forwarded-for")) {
            assertThat(result.requestHeader("X-Forwarded-For")).isEqualTo("1.2.3.4");
        } else {
            assertThat(result.requestHeader("X-Forwarded-For")).isNull();
        }
    }

    @Test
    void customHeaderNamesAreCanonicalAsGoWritesThem() {
        var middleware = new HeadersMiddleware(Config.of(c -> {
            c.customRequestHeaders = map("x-custom-request", "a");
            c.customResponseHeaders = map("x-custom-response", "b");
        }));

        var result = MiddlewareHarness.request("/").run(middleware);

        assertThat(result.requestHeaders.names()).contains("X-Custom-Request");
        assertThat(result.responseHeaders.names()).contains("X-Custom-Response");
    }

    static Stream<Arguments> corsPreflightCases() {
        return Stream.of(
                Arguments.of("Test Simple Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("https://foo.bar.org");
                    c.accessControlMaxAge = 600L;
                }, headers("Access-Control-Request-Headers", "origin", "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Method", "OPTIONS", "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "https://foo.bar.org",
                                "Access-Control-Max-Age", "600", "Access-Control-Allow-Methods", "GET,OPTIONS,PUT")),
                Arguments.of("Wildcard origin Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlMaxAge = 600L;
                }, headers("Access-Control-Request-Headers", "origin", "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Method", "OPTIONS", "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "*",
                                "Access-Control-Max-Age", "600", "Access-Control-Allow-Methods", "GET,OPTIONS,PUT")),
                Arguments.of("Allow Credentials Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlAllowCredentials = true;
                    c.accessControlMaxAge = 600L;
                }, headers("Access-Control-Request-Headers", "origin", "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Method", "OPTIONS", "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "https://foo.bar.org",
                                "Access-Control-Max-Age", "600", "Access-Control-Allow-Methods", "GET,OPTIONS,PUT",
                                "Access-Control-Allow-Credentials", "true")),
                Arguments.of("Allow Headers Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlAllowHeaders = List.of("origin", "X-Forwarded-For");
                    c.accessControlMaxAge = 600L;
                }, headers("Access-Control-Request-Headers", "origin", "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Method", "OPTIONS", "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "*",
                                "Access-Control-Max-Age", "600", "Access-Control-Allow-Methods", "GET,OPTIONS,PUT",
                                "Access-Control-Allow-Headers", "origin,X-Forwarded-For")),
                Arguments.of("No Request Headers Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlAllowHeaders = List.of("origin", "X-Forwarded-For");
                    c.accessControlMaxAge = 600L;
                }, headers("Access-Control-Request-Method", "GET", "Access-Control-Request-Method", "OPTIONS",
                        "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "*",
                                "Access-Control-Max-Age", "600", "Access-Control-Allow-Methods", "GET,OPTIONS,PUT",
                                "Access-Control-Allow-Headers", "origin,X-Forwarded-For")),
                Arguments.of("Nil MaxAge Preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("GET", "OPTIONS", "PUT");
                    c.accessControlAllowOriginList = List.of("*");
                }, headers("Access-Control-Request-Method", "GET", "Access-Control-Request-Method", "OPTIONS",
                        "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "*",
                                "Access-Control-Allow-Methods", "GET,OPTIONS,PUT")),
                Arguments.of("Wildcards echo the request with credentials", (Consumer<Config>) c -> {
                    c.accessControlAllowMethods = List.of("*");
                    c.accessControlAllowHeaders = List.of("*");
                    c.accessControlExposeHeaders = List.of("*");
                    c.accessControlAllowCredentials = true;
                }, headers("Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "x-a,x-b",
                        "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Credentials", "true",
                                "Access-Control-Allow-Methods", "PATCH", "Access-Control-Allow-Headers", "x-a,x-b")),
                Arguments.of("Expose headers in preflight", (Consumer<Config>) c -> {
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlExposeHeaders = List.of("X-A", "X-B");
                    c.addVaryHeader = true;
                }, headers("Access-Control-Request-Method", "GET", "Origin", "https://foo.bar.org"),
                        headers("Content-Length", "0", "Access-Control-Allow-Origin", "*",
                                "Access-Control-Expose-Headers", "X-A,X-B")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corsPreflightCases")
    void corsPreflights(String desc, Consumer<Config> config, Map<String, List<String>> requestHeaders,
                        Map<String, List<String>> expected) {
        var request = MiddlewareHarness.request(HttpMethod.OPTIONS, "/foo");
        requestHeaders.forEach((name, values) -> values.forEach(v -> request.header(name, v)));

        var result = request.run(new HeadersMiddleware(Config.of(config)));

        assertThat(result.nextCalled).isFalse();
        assertThat(result.status).isEqualTo(200);
        assertThat(asMap(result.responseHeaders, "Date")).isEqualTo(expected);
    }

    static Stream<Arguments> corsResponseCases() {
        Consumer<HttpHeaders> empty = h -> { };
        return Stream.of(
                Arguments.of("Test Simple Request", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginList = List.of("https://foo.bar.org"),
                        headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org")),
                Arguments.of("Wildcard origin Request", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginList = List.of("*"),
                        headers("Origin", "https://foo.bar.org"), headers("Access-Control-Allow-Origin", "*")),
                Arguments.of("Regexp Origin Request", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginListRegex =
                                List.of("^https?://([a-z]+)\\.bar\\.org$"),
                        headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org")),
                Arguments.of("Partial Regexp Origin Request", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginListRegex = List.of("([a-z]+)\\.bar"),
                        headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org")),
                Arguments.of("Regexp Origin Request without matching", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginListRegex =
                                List.of("([a-z]+)\\.bar\\.org"),
                        headers("Origin", "https://bar.org"), headers()),
                Arguments.of("Empty origin Request", empty,
                        (Consumer<Config>) c -> c.accessControlAllowOriginList = List.of("https://foo.bar.org"),
                        headers(), headers()),
                Arguments.of("Allow Credentials Request", empty, (Consumer<Config>) c -> {
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlAllowCredentials = true;
                }, headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org",
                                "Access-Control-Allow-Credentials", "true")),
                Arguments.of("Expose Headers Request", empty, (Consumer<Config>) c -> {
                    c.accessControlAllowOriginList = List.of("*");
                    c.accessControlExposeHeaders = List.of("origin", "X-Forwarded-For");
                }, headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "*",
                                "Access-Control-Expose-Headers", "origin,X-Forwarded-For")),
                Arguments.of("Test Simple Request with Vary Headers", empty, (Consumer<Config>) c -> {
                    c.accessControlAllowOriginList = List.of("https://foo.bar.org");
                    c.addVaryHeader = true;
                }, headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org", "Vary", "Origin")),
                Arguments.of("Vary Headers and non-empty response", (Consumer<HttpHeaders>) h -> h.set("Vary", "Testing"),
                        (Consumer<Config>) c -> {
                            c.accessControlAllowOriginList = List.of("https://foo.bar.org");
                            c.addVaryHeader = true;
                        }, headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org", "Vary", "Testing,Origin")),
                Arguments.of("Vary Headers and existing vary:origin response",
                        (Consumer<HttpHeaders>) h -> h.set("Vary", "Origin"), (Consumer<Config>) c -> {
                            c.accessControlAllowOriginList = List.of("https://foo.bar.org");
                            c.addVaryHeader = true;
                        }, headers("Origin", "https://foo.bar.org"),
                        headers("Access-Control-Allow-Origin", "https://foo.bar.org", "Vary", "Origin")),
                Arguments.of("non-empty response: set ACAO",
                        (Consumer<HttpHeaders>) h -> h.set("Access-Control-Allow-Origin", "http://foo.bar.org"),
                        (Consumer<Config>) c -> c.accessControlAllowOriginList = List.of("*"),
                        headers("Origin", "https://foo.bar.org"), headers("Access-Control-Allow-Origin", "*")),
                Arguments.of("non-empty response: add ACAO",
                        (Consumer<HttpHeaders>) h -> h.add("Access-Control-Allow-Origin", "http://foo.bar.org"),
                        (Consumer<Config>) c -> c.accessControlAllowOriginList = List.of("*"),
                        headers("Origin", "https://foo.bar.org"), headers("Access-Control-Allow-Origin", "*")),
                Arguments.of("CustomRequestHeaders Not Hijacked by CORS", empty,
                        (Consumer<Config>) c -> c.customRequestHeaders = map("foo", "bar"),
                        headers("Access-Control-Request-Headers", "origin", "Access-Control-Request-Method", "GET",
                                "Origin", "https://foo.bar.org"), headers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corsResponseCases")
    void corsResponses(String desc, Consumer<HttpHeaders> backendHeaders, Consumer<Config> config,
                       Map<String, List<String>> requestHeaders, Map<String, List<String>> expected) {
        var request = MiddlewareHarness.request("/foo")
                .backend(MiddlewareHarness.respond(HttpResponseStatus.OK, backendHeaders));
        requestHeaders.forEach((name, values) -> values.forEach(v -> request.header(name, v)));

        var result = request.run(new HeadersMiddleware(Config.of(config)));

        assertThat(result.nextCalled).isTrue();
        assertThat(asMap(result.responseHeaders, "Content-Length")).isEqualTo(expected);
    }

    @Test
    void malformedOriginRegexFails() {
        assertThatThrownBy(() -> new HeadersMiddleware(Config.of(c -> c.accessControlAllowOriginListRegex = List.of("a(b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessControlAllowOriginListRegex");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Test Simple Response  | Testing,foo,Testing2,bar | Foo,bar,Testing,foo,Testing2,bar
            empty Custom Header   | Testing,foo,Testing2,''  | Foo,bar,Testing,foo
            Deleting Custom Header| Testing,foo,Foo,''       | Testing,foo
            """)
    void customResponseHeaders(String desc, String config, String expected) {
        String[] kv = config.split(",", -1);
        for (int i = 0; i < kv.length; i++) {
            kv[i] = kv[i].replace("'", "");
        }
        var result = MiddlewareHarness.request("/foo")
                .backend(MiddlewareHarness.respond(HttpResponseStatus.OK, h -> h.set("Foo", "bar")))
                .run(new HeadersMiddleware(Config.of(c -> c.customResponseHeaders = map(kv))));

        assertThat(asMap(result.responseHeaders, "Content-Length")).isEqualTo(headers(expected.split(",")));
    }

    // ---- secure_test.go and unrolled/secure behaviour --------------------------------------------------------------

    static Stream<Arguments> secureCases() {
        return Stream.of(
                Arguments.of("PermissionsPolicy", false, (Consumer<Config>) c -> c.permissionsPolicy = "microphone=(),",
                        headers("Permissions-Policy", "microphone=(),")),
                Arguments.of("STSSeconds", false, (Consumer<Config>) c -> {
                    c.stsSeconds = 1L;
                    c.forceSTSHeader = true;
                }, headers("Strict-Transport-Security", "max-age=1")),
                Arguments.of("STSSeconds and STSPreload", false, (Consumer<Config>) c -> {
                    c.stsSeconds = 1L;
                    c.forceSTSHeader = true;
                    c.stsPreload = true;
                }, headers("Strict-Transport-Security", "max-age=1; preload")),
                Arguments.of("CustomFrameOptionsValue", false, (Consumer<Config>) c -> c.customFrameOptionsValue = "foo",
                        headers("X-Frame-Options", "foo")),
                Arguments.of("FrameDeny", false, (Consumer<Config>) c -> c.frameDeny = true,
                        headers("X-Frame-Options", "DENY")),
                Arguments.of("ContentTypeNosniff", false, (Consumer<Config>) c -> c.contentTypeNosniff = true,
                        headers("X-Content-Type-Options", "nosniff")),
                Arguments.of("STS only over TLS", false, (Consumer<Config>) c -> {
                    c.stsSeconds = 315360000L;
                    c.stsIncludeSubdomains = true;
                }, headers()),
                Arguments.of("STS over TLS with subdomains and preload", true, (Consumer<Config>) c -> {
                    c.stsSeconds = 315360000L;
                    c.stsIncludeSubdomains = true;
                    c.stsPreload = true;
                }, headers("Strict-Transport-Security", "max-age=315360000; includeSubDomains; preload")),
                Arguments.of("STS off in development", true, (Consumer<Config>) c -> {
                    c.stsSeconds = 60L;
                    c.isDevelopment = true;
                }, headers()),
                Arguments.of("custom frame options win over frameDeny", false, (Consumer<Config>) c -> {
                    c.frameDeny = true;
                    c.customFrameOptionsValue = "SAMEORIGIN";
                }, headers("X-Frame-Options", "SAMEORIGIN")),
                Arguments.of("BrowserXssFilter", false, (Consumer<Config>) c -> c.browserXssFilter = true,
                        headers("X-XSS-Protection", "1; mode=block")),
                Arguments.of("CustomBrowserXSSValue", false, (Consumer<Config>) c -> {
                    c.browserXssFilter = true;
                    c.customBrowserXSSValue = "0";
                }, headers("X-XSS-Protection", "0")),
                Arguments.of("CSP and report-only", false, (Consumer<Config>) c -> {
                    c.contentSecurityPolicy = "default-src 'self'";
                    c.contentSecurityPolicyReportOnly = "script-src 'none'";
                }, headers("Content-Security-Policy", "default-src 'self'",
                        "Content-Security-Policy-Report-Only", "script-src 'none'")),
                Arguments.of("publicKey only over TLS", false, (Consumer<Config>) c -> c.publicKey = "pin-sha256=\"x\"",
                        headers()),
                Arguments.of("publicKey over TLS", true, (Consumer<Config>) c -> c.publicKey = "pin-sha256=\"x\"",
                        headers("Public-Key-Pins", "pin-sha256=\"x\"")),
                Arguments.of("ReferrerPolicy", false, (Consumer<Config>) c -> c.referrerPolicy = "same-origin",
                        headers("Referrer-Policy", "same-origin")),
                Arguments.of("featurePolicy is not passed on by Traefik", false,
                        (Consumer<Config>) c -> c.featurePolicy = "vibrate 'none'", headers()),
                Arguments.of("custom response header overrides a security one", false, (Consumer<Config>) c -> {
                    c.frameDeny = true;
                    c.contentTypeNosniff = true;
                    c.customResponseHeaders = map("X-Frame-Options", "", "X-Content-Type-Options", "other");
                }, headers("X-Content-Type-Options", "other")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secureCases")
    void securityHeaders(String desc, boolean tls, Consumer<Config> config, Map<String, List<String>> expected) {
        var result = MiddlewareHarness.request("/foo").secure(tls).run(new HeadersMiddleware(Config.of(config)));

        assertThat(result.status).isEqualTo(200);
        assertThat(asMap(result.responseHeaders, "Content-Length")).isEqualTo(expected);
    }

    @Test
    void informationalHeadsAreLeftAlone() {
        var result = MiddlewareHarness.request("/ws")
                .backend(MiddlewareHarness.respond(HttpResponseStatus.SWITCHING_PROTOCOLS, h -> { }))
                .run(new HeadersMiddleware(Config.of(c -> {
                    c.customResponseHeaders = map("X-Custom", "yes");
                    c.frameDeny = true;
                })));

        assertThat(result.status).isEqualTo(101);
        assertThat(result.responseHeader("X-Custom")).isNull();
        assertThat(result.responseHeader("X-Frame-Options")).isNull();
    }

    @Test
    void securityHeadersOverrideTheBackend() {
        var result = MiddlewareHarness.request("/foo")
                .backend(MiddlewareHarness.respond(HttpResponseStatus.OK, h -> h.set("X-Frame-Options", "ALLOW")))
                .run(new HeadersMiddleware(Config.of(c -> c.frameDeny = true)));

        assertThat(result.responseHeaders.getAll("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void sslProxyHeadersMakeTheRequestSecure() {
        var middleware = new HeadersMiddleware(Config.of(c -> {
            c.stsSeconds = 60L;
            c.sslProxyHeaders = map("X-Forwarded-Proto", "https");
        }));

        assertThat(MiddlewareHarness.request("/").header("X-Forwarded-Proto", "https").run(middleware)
                .responseHeader("Strict-Transport-Security")).isEqualTo("max-age=60");
        assertThat(MiddlewareHarness.request("/").header("X-Forwarded-Proto", "http").run(middleware)
                .responseHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void cspNonceIsFreshPerRequest() {
        var middleware = new HeadersMiddleware(Config.of(c -> c.contentSecurityPolicy = "script-src $NONCE"));

        String first = MiddlewareHarness.request("/").run(middleware).responseHeader("Content-Security-Policy");
        String second = MiddlewareHarness.request("/").run(middleware).responseHeader("Content-Security-Policy");

        assertThat(first).matches("script-src 'nonce-[A-Za-z0-9+/]{22}'");
        assertThat(second).matches("script-src 'nonce-[A-Za-z0-9+/]{22}'").isNotEqualTo(first);
    }
}
