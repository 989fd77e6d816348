package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's regexp replaceTests (ReplaceAllString), the rows RE2/J can express (it refuses duplicate group names). */
class GoRegexpTest {

    static Stream<String[]> replaceTests() {
        return Stream.of(
                new String[] {"", "", "", ""},
                new String[] {"", "x", "", "x"},
                new String[] {"", "", "abc", "abc"},
                new String[] {"", "x", "abc", "xaxbxcx"},
                new String[] {"b", "", "", ""},
                new String[] {"b", "x", "", ""},
                new String[] {"b", "", "abc", "ac"},
                new String[] {"b", "x", "abc", "axc"},
                new String[] {"y", "", "", ""},
                new String[] {"y", "x", "abc", "abc"},
                new String[] {"[a-c]*", "x", "\u65e5", "x\u65e5x"},
                new String[] {"[^\u65e5]", "x", "abc\u65e5def", "xxx\u65e5xxx"},
                new String[] {"^[a-c]*", "x", "abcdabc", "xdabc"},
                new String[] {"[a-c]*$", "x", "abcdabc", "abcdx"},
                new String[] {"^[a-c]*$", "x", "abcdabc", "abcdabc"},
                new String[] {"^[a-c]*", "x", "abc", "x"},
                new String[] {"[a-c]*$", "x", "abc", "x"},
                new String[] {"^[a-c]*$", "x", "abc", "x"},
                new String[] {"^[a-c]*", "x", "dabce", "xdabce"},
                new String[] {"[a-c]*$", "x", "dabce", "dabcex"},
                new String[] {"^[a-c]*$", "x", "dabce", "dabce"},
                new String[] {"^[a-c]*", "x", "", "x"},
                new String[] {"[a-c]*$", "x", "", "x"},
                new String[] {"^[a-c]*$", "x", "", "x"},
                new String[] {"^[a-c]+", "x", "abcdabc", "xdabc"},
                new String[] {"[a-c]+$", "x", "abcdabc", "abcdx"},
                new String[] {"^[a-c]+$", "x", "abcdabc", "abcdabc"},
                new String[] {"^[a-c]+", "x", "dabce", "dabce"},
                new String[] {"^[a-c]+", "x", "", ""},
                new String[] {"abc", "def", "abcdefg", "defdefg"},
                new String[] {"bc", "BC", "abcbcdcdedef", "aBCBCdcdedef"},
                new String[] {"abc", "", "abcdabc", "d"},
                new String[] {"x", "xXx", "xxxXxxx", "xXxxXxxXxXxXxxXxxXx"},
                new String[] {".+", "x", "abc", "x"},
                new String[] {"[a-c]*", "x", "def", "xdxexfx"},
                new String[] {"[a-c]+", "x", "abcbcdcdedef", "xdxdedef"},
                new String[] {"[a-c]*", "x", "abcbcdcdedef", "xdxdxexdxexfx"},
                new String[] {"a+", "($0)", "banana", "b(a)n(a)n(a)"},
                new String[] {"a+", "(${0})", "banana", "b(a)n(a)n(a)"},
                new String[] {"a+", "(${0})$0", "banana", "b(a)an(a)an(a)a"},
                new String[] {"hello, (.+)", "goodbye, ${1}", "hello, world", "goodbye, world"},
                new String[] {"hello, (.+)", "goodbye, $1x", "hello, world", "goodbye, "},
                new String[] {"hello, (.+)", "goodbye, ${1}x", "hello, world", "goodbye, worldx"},
                new String[] {"hello, (.+)", "<$0><$1><$2><$3>", "hello, world", "<hello, world><world><><>"},
                new String[] {"hello, (?P<noun>.+)", "goodbye, $noun!", "hello, world", "goodbye, world!"},
                new String[] {"hello, (?P<noun>.+)", "goodbye, ${noun}", "hello, world", "goodbye, world"},
                new String[] {"a+", "${oops", "aaa", "${oops"},
                new String[] {"a+", "$$", "aaa", "$"},
                new String[] {"a+", "$", "aaa", "$"},
                new String[] {"(x)?", "$1", "123", "123"},
                new String[] {"abc", "$1", "123", "123"},
                new String[] {"(a)(b){0}(c)", ".$1|$3.", "xacxacx", "x.a|c.x.a|c.x"},
                new String[] {"(a)(b){0}(c)", ".$2|$3.", "xacxacx", "x.|c.x.|c.x"},
                new String[] {"((a(b){0}){3}){5}(h)", "y caramb$2", "say aaaaaaaaaaaaaaaah", "say ay caramba"},
                new String[] {"a*", "X", "baaac", "XbXcX"},
                new String[] {"(?i)A", "$01", "a", ""});
    }

    @ParameterizedTest(name = "/{0}/ -> {1} on {2}")
    @MethodSource("replaceTests")
    void replaceAllStringAsGo(String pattern, String replacement, String input, String expected) {
        GoRegexp regexp = GoRegexp.compile("test", pattern);

        assertThat(regexp.replaceAll(input, regexp.template(replacement))).isEqualTo(expected);
    }

    @Test
    void invalidRegexNamesTheOption() {
        assertThatThrownBy(() -> GoRegexp.compile("some.option", "a(b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid regex \"a(b\" (some.option): ");
    }
}
