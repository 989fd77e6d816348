package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.ConfigFormat;
import io.trafficcop.proxy.config.load.ConfigTreeReader;
import io.trafficcop.proxy.middleware.addprefix.AddPrefixMiddleware;
import io.trafficcop.proxy.middleware.chain.ChainMiddleware;
import io.trafficcop.proxy.middleware.contenttype.ContentTypeMiddleware;
import io.trafficcop.proxy.middleware.headers.HeadersMiddleware;
import io.trafficcop.proxy.middleware.redirectregex.RedirectRegexMiddleware;
import io.trafficcop.proxy.middleware.redirectscheme.RedirectSchemeMiddleware;
import io.trafficcop.proxy.middleware.replacepath.ReplacePathMiddleware;
import io.trafficcop.proxy.middleware.replacepathregex.ReplacePathRegexMiddleware;
import io.trafficcop.proxy.middleware.stripprefix.StripPrefixMiddleware;
import io.trafficcop.proxy.middleware.stripprefixregex.StripPrefixRegexMiddleware;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The examples of Traefik's middleware reference pages, in YAML and TOML, bound by the configuration loader and
 * built into middlewares: the records carry what the middlewares need, in both formats.
 */
class MiddlewaresFromTraefikConfigTest {

    private static final String YAML = """
            http:
              middlewares:
                add-foo:
                  addPrefix:
                    prefix: "/foo"
                test-stripprefix:
                  stripPrefix:
                    prefixes:
                      - "/foobar"
                      - "/fiibar"
                test-stripprefixregex:
                  stripPrefixRegex:
                    regex:
                      - "/foo/[a-z0-9]+/[0-9]+/"
                test-replacepath:
                  replacePath:
                    path: "/foo"
                test-replacepathregex:
                  replacePathRegex:
                    regex: "^/foo/(.*)"
                    replacement: "/bar/$1"
                test-redirectscheme:
                  redirectScheme:
                    scheme: https
                    port: "443"
                    permanent: true
                test-redirectregex:
                  redirectRegex:
                    regex: "^http://localhost/(.*)"
                    replacement: "http://mydomain/${1}"
                testHeader:
                  headers:
                    frameDeny: true
                    browserXssFilter: true
                    customRequestHeaders:
                      X-Script-Name: "test"
                    customResponseHeaders:
                      X-Custom-Response-Header: ""
                    accessControlAllowMethods:
                      - GET
                      - OPTIONS
                      - PUT
                    accessControlAllowHeaders:
                      - "*"
                    accessControlAllowOriginList:
                      - https://foo.bar.org
                      - https://example.org
                    accessControlMaxAge: 100
                    addVaryHeader: true
                    stsSeconds: 315360000
                    stsIncludeSubdomains: true
                    stsPreload: true
                    forceSTSHeader: true
                autodetect:
                  contentType: {}
                secured:
                  chain:
                    middlewares:
                      - test-stripprefix
                      - add-foo
            """;

    private static final String TOML = """
            [http.middlewares]
              [http.middlewares.add-foo.addPrefix]
                prefix = "/foo"
              [http.middlewares.test-stripprefix.stripPrefix]
                prefixes = ["/foobar", "/fiibar"]
              [http.middlewares.test-stripprefixregex.stripPrefixRegex]
                regex = ["/foo/[a-z0-9]+/[0-9]+/"]
              [http.middlewares.test-replacepath.replacePath]
                path = "/foo"
              [http.middlewares.test-replacepathregex.replacePathRegex]
                regex = "^/foo/(.*)"
                replacement = "/bar/$1"
              [http.middlewares.test-redirectscheme.redirectScheme]
                scheme = "https"
                port = "443"
                permanent = true
              [http.middlewares.test-redirectregex.redirectRegex]
                regex = "^http://localhost/(.*)"
                replacement = "http://mydomain/${1}"
              [http.middlewares.testHeader.headers]
                frameDeny = true
                browserXssFilter = true
                accessControlAllowMethods = ["GET", "OPTIONS", "PUT"]
                accessControlAllowHeaders = ["*"]
                accessControlAllowOriginList = ["https://foo.bar.org", "https://example.org"]
                accessControlMaxAge = 100
                addVaryHeader = true
                stsSeconds = 315360000
                stsIncludeSubdomains = true
                stsPreload = true
                forceSTSHeader = true
                [http.middlewares.testHeader.headers.customRequestHeaders]
                  X-Script-Name = "test"
                [http.middlewares.testHeader.headers.customResponseHeaders]
                  X-Custom-Response-Header = ""
              [http.middlewares.autodetect.contentType]
              [http.middlewares.secured.chain]
                middlewares = ["test-stripprefix", "add-foo"]
            """;

    @ParameterizedTest
    @EnumSource(value = ConfigFormat.class, names = {"YAML", "TOML"})
    void buildsTheReferenceExamples(ConfigFormat format) throws Exception {
        String text = format == ConfigFormat.YAML ? YAML : TOML;
        var document = ConfigTreeReader.read(format == ConfigFormat.YAML ? "t.yml" : "t.toml", text, format);
        var middlewares = ConfigBinder.bind(document.root(), DynamicConfiguration.class).http().middlewares();
        Map<String, Middleware> built = new HashMap<>();
        built.put("add-foo", new AddPrefixMiddleware(middlewares.get("add-foo").addPrefix()));
        built.put("test-stripprefix", new StripPrefixMiddleware(middlewares.get("test-stripprefix").stripPrefix()));

        assertThat(MiddlewareHarness.request("/bar").run(built.get("add-foo")).uri).isEqualTo("/foo/bar");
        assertThat(MiddlewareHarness.request("/fiibar/x").run(built.get("test-stripprefix")).uri).isEqualTo("/x");
        assertThat(MiddlewareHarness.request("/foo/abc/123/x").run(new StripPrefixRegexMiddleware(
                middlewares.get("test-stripprefixregex").stripPrefixRegex())).uri).isEqualTo("/x");
        assertThat(MiddlewareHarness.request("/x?y").run(new ReplacePathMiddleware(
                middlewares.get("test-replacepath").replacePath())).uri).isEqualTo("/foo?y");
        assertThat(MiddlewareHarness.request("/foo/a/b").run(new ReplacePathRegexMiddleware(
                middlewares.get("test-replacepathregex").replacePathRegex())).uri).isEqualTo("/bar/a/b");
        var redirected = MiddlewareHarness.request(HttpMethod.POST, "/a").host("example.com")
                .run(new RedirectSchemeMiddleware(middlewares.get("test-redirectscheme").redirectScheme()));
        assertThat(redirected.status).isEqualTo(308);
        assertThat(redirected.responseHeader("Location")).isEqualTo("https://example.com/a");
        var regex = MiddlewareHarness.request("/a/b").host("localhost")
                .run(new RedirectRegexMiddleware(middlewares.get("test-redirectregex").redirectRegex()));
        assertThat(regex.status).isEqualTo(302);
        assertThat(regex.responseHeader("Location")).isEqualTo("http://mydomain/a/b");

        var headers = MiddlewareHarness.request("/").header("Origin", "https://example.org")
                .run(new HeadersMiddleware(middlewares.get("testHeader").headers()));
        assertThat(headers.requestHeader("X-Script-Name")).isEqualTo("test");
        assertThat(headers.responseHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.responseHeader("X-XSS-Protection")).isEqualTo("1; mode=block");
        assertThat(headers.responseHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=315360000; includeSubDomains; preload");
        assertThat(headers.responseHeader("Access-Control-Allow-Origin")).isEqualTo("https://example.org");
        assertThat(headers.responseHeader("Vary")).isEqualTo("Origin");

        assertThat(new ContentTypeMiddleware(middlewares.get("autodetect").contentType()).enabled()).isTrue();
        var chain = ChainMiddleware.of(middlewares.get("secured").chain(), built::get);
        assertThat(MiddlewareHarness.request("/foobar/x").run(chain).uri).isEqualTo("/foo/x");
    }
}
