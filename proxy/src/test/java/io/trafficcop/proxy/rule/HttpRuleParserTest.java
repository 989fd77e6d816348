package io.trafficcop.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax, operators and error messages (Traefik's pkg/rules parser_test.go and the muxer's error wrapping). */
class HttpRuleParserTest {

    /** pkg/rules/parser_test.go, with the test matcher "m" played by Method. */
    static Stream<Arguments> syntax() {
        return Stream.of(
                arguments("", false),
                arguments("m", false),
                arguments("Method()", false),
                arguments("Method(``)", false),
                arguments("Method(`GET`) &&", false),
                arguments("Method(`GET`) ||", false),
                arguments("Method(`GET)", false),
                arguments("Method(`GET`))", false),
                arguments("(Method(`GET`)", false),
                arguments("Method(`GET`)", true),
                arguments("(Method(`GET`))", true),
                arguments("METHOD(`GET`)", true),
                arguments("method(`GET`)", true),
                arguments("Method(`GET`)", true),
                arguments("mEthod(`GET`)", false),
                arguments("w(`GET`)", false),
                arguments("!Method(`GET`)", true),
                arguments("Method(`GET`) && Method(`POST`)", true),
                arguments("Method(`GET`) || Method(`POST`)", true),
                arguments("!(Method(`GET`) && Method(`POST`))", true),
                arguments("!(Method(`GET`) || Method(`POST`))", true),
                arguments("Method(\"GET\")", true),
                arguments("Method(\"G\\x45T\")", true),
                arguments("Method(`GET`) &&\n  Path(`/`)", true),
                arguments("Method(`GET`)\n  && Path(`/`)", false),
                arguments("Method(`GET`) /* comment */ && Path(`/`)", true),
                arguments("Method(`GET`) & Path(`/`)", false),
                arguments("Method(`GET`) and Path(`/`)", false),
                arguments("Method(GET)", false),
                arguments("Method(1)", false),
                arguments("Method('G')", false),
                arguments("Method(`GET`) == Path(`/`)", false),
                arguments("Method(`GET`, )", true));
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @MethodSource("syntax")
    void syntaxAcceptance(String rule, boolean valid) {
        if (valid) {
            assertThatCode(rule);
        } else {
            assertThatThrownBy(() -> HttpRuleParser.parse(rule, RuleSyntax.V3)).isInstanceOf(RuleException.class);
        }
    }

    private static void assertThatCode(String rule) {
        try {
            HttpRuleParser.parse(rule, RuleSyntax.V3);
        } catch (RuleException e) {
            throw new AssertionError("rule should parse: " + rule + ": " + e.getMessage(), e);
        }
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments(RuleSyntax.V3, "", "parsing rule : 1:1: expected operand, found 'EOF'"),
                arguments(RuleSyntax.V3, "rulewithnotmatcher", "parsing rule rulewithnotmatcher: rulewithnotmatcher is not defined"),
                arguments(RuleSyntax.V3, "Host(example.com)", "parsing rule Host(example.com): example.com is not defined"),
                arguments(RuleSyntax.V3, "Host(`a`", "parsing rule Host(`a`: 1:9: missing ',' before newline in argument list"),
                arguments(RuleSyntax.V3, "Host(`a`) Path(`/`)", "parsing rule Host(`a`) Path(`/`): 1:11: expected 'EOF', found Path"),
                arguments(RuleSyntax.V3, "Host(`a`) & Path(`/`)", "parsing rule Host(`a`) & Path(`/`): & is not supported"),
                arguments(RuleSyntax.V3, "Foo(`a`)", "parsing rule Foo(`a`): unsupported function: Foo"),
                arguments(RuleSyntax.V3, "Headers(`a`, `b`)", "parsing rule Headers(`a`, `b`): unsupported function: Headers"),
                arguments(RuleSyntax.V2, "Header(`a`, `b`)", "parsing rule Header(`a`, `b`): unsupported function: Header"),
                arguments(RuleSyntax.V3, "Host(`a`) # x", "parsing rule Host(`a`) # x: 1:11: illegal character U+0023 '#'"),
                arguments(RuleSyntax.V3, "Host(\"a\\q\")", "parsing rule Host(\"a\\q\"): 1:9: unknown escape sequence"),
                arguments(RuleSyntax.V3, "Host(`a) ", "parsing rule Host(`a) : 1:6: raw string literal not terminated"),
                arguments(RuleSyntax.V3, "ClientIP(`1`)", "adding rule ClientIP(`1`): error while adding rule ClientIP: initializing IP "
                        + "checker for ClientIP matcher: parsing CIDR trusted IPs <nil>: invalid CIDR address: 1"),
                arguments(RuleSyntax.V3, "ClientIP(`10.0.0.0/33`)", "adding rule ClientIP(`10.0.0.0/33`): error while adding rule "
                        + "ClientIP: initializing IP checker for ClientIP matcher: parsing CIDR trusted IPs <nil>: invalid CIDR "
                        + "address: 10.0.0.0/33"),
                arguments(RuleSyntax.V3, "Host(`\uD83E\uDDAD.com`)", "adding rule Host(`\uD83E\uDDAD.com`): error while adding rule Host: "
                        + "invalid value \"\uD83E\uDDAD.com\" for Host matcher, non-ASCII characters are not allowed"),
                arguments(RuleSyntax.V3, "HostRegexp(`(a`)", "adding rule HostRegexp(`(a`): error while adding rule HostRegexp: "
                        + "compiling HostRegexp matcher: error parsing regexp: missing closing ): `(a`"),
                arguments(RuleSyntax.V3, "PathRegexp(`(a`)", "adding rule PathRegexp(`(a`): error while adding rule PathRegexp: "
                        + "compiling PathPrefix matcher: error parsing regexp: missing closing ): `(a`"),
                arguments(RuleSyntax.V3, "Path(`css`)", "adding rule Path(`css`): error while adding rule Path: path \"css\" does "
                        + "not start with a '/'"),
                arguments(RuleSyntax.V3, "Header(`a`)", "adding rule Header(`a`): error while adding rule Header: unexpected number "
                        + "of parameters; got 1, expected one of [2]"),
                arguments(RuleSyntax.V3, "Query(`q`, `a`, `b`)", "adding rule Query(`q`, `a`, `b`): error while adding rule Query: "
                        + "unexpected number of parameters; got 3, expected one of [1 2]"),
                arguments(RuleSyntax.V3, "Host()", "adding rule Host(): error while checking rule Host: no args for matcher Host"),
                arguments(RuleSyntax.V3, "Host(``, `b`)", "adding rule Host(``, `b`): error while checking rule Host: empty args for "
                        + "matcher Host, [ b]"),
                arguments(RuleSyntax.V3, "Host(``) && Path(`/a`)", "adding rule Host(``) && Path(`/a`): error while adding rule and: "
                        + "error while checking rule Host: empty args for matcher Host, []"),
                arguments(RuleSyntax.V3, "Path(`/a`) || Host(``)", "adding rule Path(`/a`) || Host(``): error while checking rule "
                        + "Host: empty args for matcher Host, []"),
                arguments(RuleSyntax.V2, "Path(`css`)", "adding rule Path(`css`): error while adding rule Path: mux: path must start "
                        + "with a slash, got \"css\""),
                arguments(RuleSyntax.V2, "HostRegexp(`{test`)", "adding rule HostRegexp(`{test`): error while adding rule "
                        + "HostRegexp: mux: unbalanced braces in \"{test\""),
                arguments(RuleSyntax.V2, "Headers(`titi`)", "adding rule Headers(`titi`): error while adding rule Headers: mux: "
                        + "number of parameters must be multiple of 2, got [titi]"),
                arguments(RuleSyntax.V2, "Query(`titi`)", "adding rule Query(`titi`): error while adding rule Query: mux: number "
                        + "of parameters must be multiple of 2, got [titi]"),
                arguments(RuleSyntax.V2, "Path(`/{:x}`)", "adding rule Path(`/{:x}`): error while adding rule Path: mux: missing "
                        + "name or pattern in \"{:x}\""),
                arguments(RuleSyntax.V2, "Query(`a={v}`, `b={v}`)", "adding rule Query(`a={v}`, `b={v}`): error while adding rule "
                        + "Query: mux: duplicated route variable \"v\""),
                arguments(RuleSyntax.V2, "ClientIP(`invalid`)", "adding rule ClientIP(`invalid`): error while adding rule ClientIP: "
                        + "could not initialize IP Checker for \"ClientIP\" matcher: parsing CIDR trusted IPs <nil>: invalid CIDR "
                        + "address: invalid"),
                arguments(RuleSyntax.V2, "Host(`loc\u00e0lhost`)", "adding rule Host(`loc\u00e0lhost`): error while adding rule Host: "
                        + "invalid value \"loc\u00e0lhost\" for \"Host\" matcher, non-ASCII characters are not allowed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void errorMessages(RuleSyntax syntax, String rule, String message) {
        assertThatThrownBy(() -> HttpRuleParser.parse(rule, syntax)).isInstanceOf(RuleException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "null", value = {"v2,V2", "v3,V3", "null,V3", "'',V3", "V2,V3", "default,V3"})
    void ruleSyntaxOf(String text, RuleSyntax expected) {
        assertThat(RuleSyntax.of(text)).isEqualTo(expected);
    }

    /** Requests against rules: semantics beyond Traefik's own tables (encoded paths, queries, hosts, IPs). */
    static Stream<Arguments> semantics() {
        return Stream.of(
                // Host: port, case, IPv6, trailing dots, wildcard, empty host
                arguments(RuleSyntax.V3, "Host(`example.com`)", req("http://EXAMPLE.com:8080/"), true),
                arguments(RuleSyntax.V3, "Host(`example.com`)", req("http://example.com.:8080/"), true),
                arguments(RuleSyntax.V3, "Host(`::1`)", req("http://[::1]:8080/"), true),
                arguments(RuleSyntax.V3, "Host(`::1`)", req("http://[::1]/"), true),
                arguments(RuleSyntax.V3, "Host(`example.com`)", req("http:///"), false),
                arguments(RuleSyntax.V3, "Host(`*`)", req("http:///"), true),
                arguments(RuleSyntax.V3, "Host(`*.example.com`)", req("http://A.B.example.com/"), false),
                arguments(RuleSyntax.V3, "Host(`*.example.com`)", req("http://A.example.com./"), true),
                arguments(RuleSyntax.V3, "Host(`*.example.com.`)", req("http://a.example.com/"), true),
                arguments(RuleSyntax.V3, "!Host(`example.com`)", req("http:///"), true),
                // HostRegexp is unanchored and sees the lower-cased host without port
                arguments(RuleSyntax.V3, "HostRegexp(`example`)", req("http://www.EXAMPLE.org:81/"), true),
                arguments(RuleSyntax.V3, "HostRegexp(`:81`)", req("http://www.example.org:81/"), false),
                arguments(RuleSyntax.V2, "HostRegexp(`{sub:[a-z]+}.example.org`)", req("http://WWW.example.org:81/"), true),
                arguments(RuleSyntax.V2, "HostRegexp(`example.org`)", req("http://www.example.org/"), false),
                arguments(RuleSyntax.V2, "Host(`a.com`, `b.com`)", req("http://B.com./"), true),
                // Paths: routing path decodes unreserved encodings, keeps reserved ones
                arguments(RuleSyntax.V3, "Path(`/foo bar`)", req("http://h/foo%20bar"), true),
                arguments(RuleSyntax.V3, "Path(`/a/b`)", req("http://h/a%2Fb"), false),
                arguments(RuleSyntax.V3, "Path(`/a%2Fb`)", req("http://h/a%2Fb"), true),
                arguments(RuleSyntax.V3, "Path(`/a/b`)", req("http://h/a%2fb"), true),
                arguments(RuleSyntax.V3, "PathPrefix(`/caf\u00e9`)", req("http://h/caf%C3%A9/x"), true),
                arguments(RuleSyntax.V3, "PathPrefix(`/`)", req("http://h/a%zz"), false),
                arguments(RuleSyntax.V3, "PathRegexp(`\\.css$`)", req("http://h/a/b.css"), true),
                arguments(RuleSyntax.V3, "PathRegexp(`css`)", req("http://h/a/b.css/x"), true),
                arguments(RuleSyntax.V3, "PathRegexp(`^/css`)", req("http://h/a/css"), false),
                arguments(RuleSyntax.V2, "Path(`/foo bar`)", req("http://h/foo%20bar"), true),
                arguments(RuleSyntax.V2, "Path(`/api/{id:[0-9]+}`)", req("http://h/api/42"), true),
                arguments(RuleSyntax.V2, "Path(`/api/{id:[0-9]+}`)", req("http://h/api/42/x"), false),
                arguments(RuleSyntax.V2, "Path(`/api/{id}`)", req("http://h/api/a/b"), false),
                arguments(RuleSyntax.V2, "PathPrefix(`/api/{id}`)", req("http://h/api/a/b"), true),
                arguments(RuleSyntax.V2, "Path(`/a.b`)", req("http://h/aXb"), false),
                // Query: decoding, semicolons, '+'
                arguments(RuleSyntax.V3, "Query(`q`, `a b`)", req("http://h/?q=a+b"), true),
                arguments(RuleSyntax.V3, "Query(`q`, `a&b`)", req("http://h/?q=a%26b"), true),
                arguments(RuleSyntax.V3, "Query(`q`, `1`)", req("http://h/?q=1;x=2"), false),
                arguments(RuleSyntax.V3, "Query(`q`, `1`)", req("http://h/?x=2;y&q=1"), true),
                arguments(RuleSyntax.V3, "Query(`q`)", req("http://h/?q="), true),
                arguments(RuleSyntax.V3, "Query(`q`, `1`)", req("http://h/?q=%zz&q=1"), true),
                arguments(RuleSyntax.V3, "QueryRegexp(`q`, `^[0-9]+$`)", req("http://h/?q=a&q=12"), true),
                arguments(RuleSyntax.V2, "Query(`q=1`)", req("http://h/?q=2&q=1"), false),
                arguments(RuleSyntax.V2, "Query(`q=1`)", req("http://h/?q=1&q=2"), true),
                arguments(RuleSyntax.V2, "Query(`q=`)", req("http://h/?q=anything"), true),
                arguments(RuleSyntax.V2, "Query(`q={v:[0-9]+}`)", req("http://h/?q=12"), true),
                arguments(RuleSyntax.V2, "Query(`q={v:[0-9]+}`)", req("http://h/?q=12a"), false),
                // Methods and headers
                arguments(RuleSyntax.V3, "Method(`get`)", req("http://h/"), true),
                arguments(RuleSyntax.V2, "Method(`post`, `get`)", req("http://h/"), true),
                arguments(RuleSyntax.V3, "Header(`x-env`, `prod`)", req("http://h/").withHeader("X-Env", "dev", "prod"), true),
                arguments(RuleSyntax.V3, "HeaderRegexp(`X-Env`, `^pr`)", req("http://h/").withHeader("X-Env", "dev"), false),
                arguments(RuleSyntax.V2, "Headers(`A`, `1`, `B`, `2`)", req("http://h/").withHeader("A", "1"), false),
                arguments(RuleSyntax.V2, "Headers(`A`, `1`, `B`, `2`)", req("http://h/").withHeader("A", "1").withHeader("b", "2"), true),
                arguments(RuleSyntax.V2, "HeadersRegexp(`A`, `^1`, `A`, `^2`)", req("http://h/").withHeader("A", "2"), true),
                // ClientIP: IPv4, IPv6, CIDRs, IPv4-mapped forms
                arguments(RuleSyntax.V3, "ClientIP(`10.0.0.0/8`)", req("http://h/").withRemote("10.1.2.3"), true),
                arguments(RuleSyntax.V3, "ClientIP(`10.0.0.0/8`)", req("http://h/").withRemote("11.1.2.3"), false),
                arguments(RuleSyntax.V3, "ClientIP(`2001:db8::/32`)", req("http://h/").withRemote("2001:db8::1"), true),
                arguments(RuleSyntax.V3, "ClientIP(`2001:db8::/32`)", req("http://h/").withRemote("2001:db9::1"), false),
                arguments(RuleSyntax.V3, "ClientIP(`::ffff:10.0.0.1`)", req("http://h/").withRemote("10.0.0.1"), true),
                arguments(RuleSyntax.V3, "ClientIP(`::ffff:10.0.0.0/104`)", req("http://h/").withRemote("10.9.0.1"), true),
                arguments(RuleSyntax.V3, "ClientIP(`::/0`)", req("http://h/").withRemote("10.9.0.1"), false),
                arguments(RuleSyntax.V3, "ClientIP(`0.0.0.0/0`)", req("http://h/").withRemote("::1"), false),
                arguments(RuleSyntax.V3, "ClientIP(`::1`)", req("http://h/").withRemote("::1"), true),
                arguments(RuleSyntax.V3, "ClientIP(`127.0.0.1`)", req("http://h/"), false),
                // operators
                arguments(RuleSyntax.V3, "Path(`/a`) || Path(`/b`) && Method(`POST`)", req("http://h/a"), true),
                arguments(RuleSyntax.V3, "(Path(`/a`) || Path(`/b`)) && Method(`POST`)", req("http://h/a"), false),
                arguments(RuleSyntax.V3, "!(Path(`/a`) || !Method(`GET`))", req("http://h/b"), true),
                arguments(RuleSyntax.V3, "!!Path(`/a`)", req("http://h/a"), true));
    }

    private static TestRequest req(String url) {
        return TestRequest.of("GET", url, Map.of(), null);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("semantics")
    void semantics(RuleSyntax syntax, String rule, TestRequest request, boolean expected) throws RuleException {
        assertThat(HttpRuleParser.parse(rule, syntax).matches(request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "/foo%20bar|/foo bar",
        "/foo%2Fbar|/foo%2Fbar",
        "/foo%20bar%2Fbaz%23qux|/foo bar%2Fbaz%23qux",
        "/{path:css}|/{path:css}",
        "/%7Bpath:css%7D|/{path:css}",
        "/a%2fb|/a/b",
        "/{a}%2Fb|/{a}/b",
        "/a b%2F|/a b/",
        "/%C3%A9|/\u00e9",
        "/a%zz|null",
        "/a%2|null",
        "/plain/path|/plain/path",
        "''|''"})
    void routingPath(String raw, String expected) {
        assertThat(RoutingPath.of(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "example.com|example.com",
        "Example.COM:8080|example.com",
        "[::1]:80|::1",
        "[::1]|::1",
        "10::10|10::10",
        "' Example.com '|example.com",
        "example.com:|example.com",
        "a:b:c|a:b:c",
        "''|''"})
    void canonicalHost(String host, String expected) {
        assertThat(HostNames.canonicalHost(host)).isEqualTo(expected);
    }

    /** Traefik's TestParseDomains (mux_test.go). */
    static Stream<Arguments> domains() {
        return Stream.of(
                arguments("Foobar(`foo.bar`,`test.bar`)", null),
                arguments("Path(`/test`)", List.of()),
                arguments("Host(`foo.bar`) && Path(`/test`)", List.of("foo.bar")),
                arguments("Host(`Foo.Bar`) || Host(`bar.buz`) && Path(`/test`)", List.of("foo.bar", "bar.buz")),
                arguments("Host(`Foo.Bar`) && Path(`/test`)", List.of("foo.bar")),
                arguments("Host() && Path(`/test`)", List.of()),
                arguments("!Host(`a.com`) && HostHeader(`b.com`) && Host(`c.com`, `D.com`)", List.of("a.com", "c.com", "d.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void parseDomains(String rule, List<String> expected) throws RuleException {
        if (expected == null) {
            assertThatThrownBy(() -> HttpRuleParser.parseDomains(rule)).isInstanceOf(RuleException.class)
                    .hasMessageStartingWith("error while parsing rule " + rule + ": ");
            return;
        }
        assertThat(HttpRuleParser.parseDomains(rule)).isEqualTo(expected);
    }

    @Test
    void matchersAreReusableAcrossRequests() throws RuleException {
        HttpMatcher m = HttpRuleParser.parse("Host(`a.com`) && PathPrefix(`/x`) && Query(`k`, `v`)", RuleSyntax.V3);
        List<TestRequest> requests = List.of(req("http://a.com/x?k=v"), req("http://a.com/y?k=v"), req("http://a.com/x?k=w"));
        for (int i = 0; i < 3; i++) {
            assertThat(requests.stream().map(m::matches)).containsExactly(true, false, false);
        }
    }
}
