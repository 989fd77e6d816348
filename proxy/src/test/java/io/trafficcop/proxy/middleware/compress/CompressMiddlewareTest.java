package io.trafficcop.proxy.middleware.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.config.dynamic.Compress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressMiddlewareTest {

    /** Traefik's Test_getCompressionEncoding (supported encodings default to gzip, br, zstd). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Empty Accept-Encoding|''|''|''|identity",
        "gzip > br (no weight)|gzip, br|''|''|gzip",
        "gzip > br > zstd (no weight)|gzip, br, zstd|''|''|gzip",
        "known compression encoding (no weight)|compress, gzip|''|''|gzip",
        "unknown compression encoding (no weight), no encoding|compress, rar|''|''|not_acceptable",
        "wildcard returns the default compression encoding|*|''|''|gzip",
        "wildcard returns the custom default compression encoding|*|br|''|br",
        "follows weight|br;q=0.8, gzip;q=1.0, *;q=0.1|''|''|gzip",
        "identity with higher weight is preferred|br;q=0.8, identity;q=1.0|''|''|identity",
        "identity with equal weight is not preferred|br;q=0.8, identity;q=0.8|''|''|br",
        "ignore unknown compression encoding|compress;q=1.0, gzip;q=0.5|''|''|gzip",
        "fallback on non-zero compression encoding|compress;q=1.0, gzip, identity;q=0|''|''|gzip",
        "not acceptable (identity)|compress;q=1.0, identity;q=0|''|''|not_acceptable",
        "not acceptable (wildcard)|compress;q=1.0, *;q=0|''|''|not_acceptable",
        "non-zero is higher than 0|gzip, *;q=0|''|''|gzip",
        "zstd forbidden, brotli first|zstd, gzip, br|''|br,gzip|br",
        "follows weight, ignores forbidden encoding|br;q=0.8, gzip;q=1.0, *;q=0.1|''|zstd,br|br",
        "mixed weight|gzip, br;q=0.9|''|gzip,br|gzip",
        "Zero weights, no compression|br;q=0, gzip;q=0, zstd;q=0|''|''|not_acceptable",
        "Zero weights, default encoding, no compression|br;q=0, gzip;q=0, zstd;q=0|br|''|not_acceptable",
        "Same weight, first supported encoding|br;q=1.0, gzip;q=1.0, zstd;q=1.0|''|''|gzip",
        "Same weight, first supported encoding, order has no effect|br;q=1.0, zstd;q=1.0, gzip;q=1.0|''|''|gzip",
        "Same weight, first supported encoding, defaultEncoding has no effect|br;q=1.0, zstd;q=1.0, gzip;q=1.0|br|''|gzip",
    })
    void getCompressionEncoding(String desc, String acceptEncoding, String defaultEncoding, String supported,
                                String expected) {
        List<String> encodings = supported.isEmpty() ? Compress.DEFAULT_ENCODINGS : Arrays.asList(supported.split(","));
        assertThat(new EncodingSelector(encodings, defaultEncoding).select(List.of(acceptEncoding)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "both lists|text/html|text/plain|''|''|excludedContentTypes and includedContentTypes options are mutually exclusive",
        "bad excluded|;;|''|''|''|parsing excluded media type",
        "unknown encoding|''|''|deflate|''|unsupported encoding: deflate",
        "default not listed|''|''|gzip|br|unsupported default encoding: br",
        "valid|''|text/html|gzip,br|br|",
    })
    void configuration(String desc, String excluded, String included, String encodings, String defaultEncoding,
                       String error) {
        Compress config = new Compress(excluded.isEmpty() ? null : List.of(excluded),
                included.isEmpty() ? null : List.of(included), null,
                encodings.isEmpty() ? null : Arrays.asList(encodings.split(",")), defaultEncoding);
        if (error == null) {
            assertThatCode(() -> CompressMiddleware.create("c", config)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CompressMiddleware.create("c", config))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(error);
        }
    }

    /** Traefik's responseWriter decisions on the response head. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "large text|200|text/plain|''|2000|''|''|true",
        "below minimum|200|text/plain|''|100|''|''|false",
        "unknown length|200|text/plain|''|-1|''|''|true",
        "empty body|200|text/plain|''|0|''|''|false",
        "already encoded|200|text/plain|gzip|2000|''|''|false",
        "no content|204|''|''|-1|''|''|false",
        "grpc always excluded|200|application/grpc|''|2000|''|''|false",
        "excluded type|200|image/png|''|2000|image/png|''|false",
        "excluded with other parameters|200|text/plain; charset=utf-8|''|2000|text/plain; charset=ascii|''|true",
        "included type|200|text/html; charset=utf-8|''|2000|''|text/html|true",
        "not included|200|text/plain|''|2000|''|text/html|false",
        "unparsable content type|200|;|''|2000|''|''|false",
        "no content type|200|''|''|2000|''|''|true",
    })
    void compressible(String desc, int status, String contentType, String contentEncoding, long length,
                      String excluded, String included, boolean expected) {
        CompressMiddleware middleware = CompressMiddleware.create("c", new Compress(
                excluded.isEmpty() ? null : List.of(excluded), included.isEmpty() ? null : List.of(included), null,
                null, null));
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        if (!contentType.isEmpty()) {
            response.headers().set("Content-Type", contentType);
        }
        if (!contentEncoding.isEmpty()) {
            response.headers().set("Content-Encoding", contentEncoding);
        }
        assertThat(middleware.compressible(response, length)).isEqualTo(expected);
    }
}
