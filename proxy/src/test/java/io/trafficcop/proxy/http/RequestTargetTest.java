package io.trafficcop.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's url.URL semantics for request-targets (Path, RawPath, EscapedPath, RequestURI) and path.Clean. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /a/b                 | /a/b            | ''            | /a/b
            /a%2Fb?x=1           | /a/b            | /a%2Fb        | /a%2Fb?x=1
            /a%20b               | /a b            | ''            | /a%20b
            /%7e                 | /~              | /%7e          | /%7e
            /a?                  | /a              | ''            | /a?
            /a??b                | /a              | ''            | /a??b
            http://h:8/p?q       | /p              | ''            | /p?q
            http://h:8           | ''              | ''            | /
            *                    | *               | ''            | *
            /%C3%A9              | /é              | ''            | /%C3%A9
            """)
    void parsesAsGo(String uri, String path, String rawPath, String requestUri) {
        RequestTarget target = RequestTarget.parse(uri);

        assertThat(target.path()).isEqualTo(path);
        assertThat(target.rawPath()).isEqualTo(rawPath);
        assertThat(target.requestUri()).isEqualTo(requestUri);
    }

    @Test
    void requestLineBytesAndInvalidUtf8SurviveARoundTrip() {
        RequestTarget raw = RequestTarget.parse("/\u00c3\u00a9"); // UTF-8 bytes of é as Netty decodes the line
        assertThat(raw.path()).isEqualTo("/é");
        assertThat(raw.requestUri()).isEqualTo("/%C3%A9");

        RequestTarget invalid = RequestTarget.parse("/%FF%C3");
        assertThat(invalid.requestUri()).isEqualTo("/%FF%C3");
    }

    @Test
    void invalidEscapeHasGosMessage() {
        assertThatThrownBy(() -> RequestTarget.parse("/a%zzb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid URL escape \"%zz\"");
        assertThatThrownBy(() -> RequestTarget.unescapePath("/a%4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid URL escape \"%4\"");
    }

    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | .
            abc           | abc
            abc/def       | abc/def
            a/b/c         | a/b/c
            .             | .
            ..            | ..
            ../..         | ../..
            ../../abc     | ../../abc
            /abc          | /abc
            /             | /
            abc/          | abc
            abc/def/      | abc/def
            a/b/c/        | a/b/c
            ./            | .
            ../           | ..
            /abc/         | /abc
            abc//def//ghi | abc/def/ghi
            //abc         | /abc
            ///abc        | /abc
            //abc//       | /abc
            abc/./def     | abc/def
            /./abc/def    | /abc/def
            abc/.         | abc
            abc/def/ghi/../jkl | abc/def/jkl
            abc/def/../ghi/../jkl | abc/jkl
            abc/def/..    | abc
            abc/def/../.. | .
            /abc/def/../..| /
            abc/def/../../.. | ..
            /abc/def/../../.. | /
            abc/def/../../../ghi/jkl/../../../mno | ../../mno
            abc/./../def  | def
            abc//./../def | def
            abc/../../././../def | ../../def
            """)
    void cleansAsGoPathClean(String path, String expected) {
        assertThat(RequestTarget.cleanPath(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/a/b,true", "/a/b/,true", "/a/./b,false", "/a//b,false", "/a/../b,false", "/a%2F..%2Fb,true"})
    void sanitizeRefusesWhatJoinPathWouldChange(String uri, boolean unchanged) {
        assertThat(RequestTarget.parse(uri).sanitize()).isEqualTo(unchanged);
    }
}
