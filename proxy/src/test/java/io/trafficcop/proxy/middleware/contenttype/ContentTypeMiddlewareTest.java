package io.trafficcop.proxy.middleware.contenttype;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.ContentType;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.testing.MiddlewareHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's pkg/middlewares/contenttype test, Go's sniff_test.go rows for the detection. */
class ContentTypeMiddlewareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Keep the Content-Type returned by the server                        | false | application/json | application/json
            Don't auto-detect Content-Type when not set by the server           | false | -                | -
            Keep the Content-Type returned by the server with auto-detection    | true  | application/json | application/json
            Auto-detect when Content-Type is not set, with auto-detection       | true  | -                | text/plain; charset=utf-8
            """)
    void autoDetection(String desc, boolean middleware, String backendType, String expected) {
        HttpHandler backend = MiddlewareHarness.stream(HttpResponseStatus.OK, h -> {
            if (backendType != null) {
                h.set("Content-Type", backendType);
            }
        }, "Test");
        var request = MiddlewareHarness.request("/").backend(backend);

        var result = middleware ? request.run(new ContentTypeMiddleware(new ContentType(null)))
                : request.run(backend);

        assertThat(result.status).isEqualTo(200);
        assertThat(result.body).isEqualTo("Test");
        assertThat(result.responseHeader("Content-Type")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "autoDetect={0}")
    @CsvSource({"false,", "true,text/plain; charset=utf-8"})
    void deprecatedAutoDetectOption(boolean autoDetect, String expected) {
        var middleware = new ContentTypeMiddleware(new ContentType(autoDetect));

        var result = MiddlewareHarness.request("/")
                .backend(MiddlewareHarness.stream(HttpResponseStatus.OK, h -> { }, "Test")).run(middleware);

        assertThat(middleware.enabled()).isEqualTo(autoDetect);
        assertThat(result.responseHeader("Content-Type")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            html                   | 200 | -    | <html><body>hi</body></html> | text/html; charset=utf-8
            no body                | 200 | -    | ''                           | -
            204 is never sniffed   | 204 | -    | ''                           | -
            encoded body           | 200 | gzip | abc                          | -
            json is plain text     | 200 | -    | {"a":1}                      | text/plain; charset=utf-8
            """)
    void sniffsOnlyWhatGoSniffs(String desc, int status, String encoding, String body, String expected) {
        var result = MiddlewareHarness.request("/")
                .backend(MiddlewareHarness.stream(HttpResponseStatus.valueOf(status), h -> {
                    if (encoding != null) {
                        h.set("Content-Encoding", encoding);
                    }
                }, body))
                .run(new ContentTypeMiddleware(new ContentType(null)));

        assertThat(result.status).isEqualTo(status);
        assertThat(result.responseHeader("Content-Type")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Empty                    | ''                                   | text/plain; charset=utf-8
            Binary                   | \\u0001\\u0002\\u0003                | application/octet-stream
            HTML document #1         | <HtMl><bOdY>blah blah blah</body></html> | text/html; charset=utf-8
            HTML document #2         | <HTML></HTML>                        | text/html; charset=utf-8
            HTML document #3 (ws)    | '   <!DOCTYPE HTML>...'              | text/html; charset=utf-8
            HTML document #4 (not)   | <HTMLx                               | text/plain; charset=utf-8
            Plain text               | This is not HTML. It has ☃ though.   | text/plain; charset=utf-8
            XML                      | '\\n<?xml!'                          | text/xml; charset=utf-8
            GIF 87a                  | GIF87a                               | image/gif
            GIF 89a                  | GIF89a...                            | image/gif
            PDF                      | %PDF-1.4                             | application/pdf
            Postscript               | %!PS-Adobe-3.0                       | application/postscript
            """)
    void detectsAsGo(String desc, String data, String expected) {
        String text = data.replace("\\u0001", "\u0001").replace("\\u0002", "\u0002").replace("\\u0003", "\u0003")
                .replace("\\n", "\n");
        assertThat(ContentSniffer.detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void detectsBinarySignatures() {
        assertThat(ContentSniffer.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .isEqualTo("image/png");
        assertThat(ContentSniffer.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.detect(new byte[] {0x1F, (byte) 0x8B, 0x08, 0})).isEqualTo("application/x-gzip");
        assertThat(ContentSniffer.detect(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0,
            'm', 'p', '4', '1', 'm', 'p', '4', '2'})).isEqualTo("video/mp4");
        assertThat(ContentSniffer.detect(new byte[] {0, 'a', 's', 'm', 1})).isEqualTo("application/wasm");
    }
}
