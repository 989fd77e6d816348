package io.trafficcop.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results recorded from Go's standard library for the Go behaviours Traefik's rules inherit:
 * <ul>
 *   <li>expr: {@code go/parser.ParseExpr} ("ok", or the syntax error, which Traefik reports verbatim);</li>
 *   <li>path: Traefik's routing path of {@code url.ParseRequestURI(path).EscapedPath()} ("err": rejected);</li>
 *   <li>query: the values of key "k" in {@code url.ParseQuery(query)} (semicolons, '+', bad escapes);</li>
 *   <li>cidr: {@code net.ParseIP} / {@code net.ParseCIDR} acceptance, with Traefik's checker error text;</li>
 *   <li>contains: {@code IP.Equal} / {@code IPNet.Contains} of "entry|ip" ("bad" when either does not parse);</li>
 *   <li>splithost: the host of {@code net.SplitHostPort} ("err" when Go returns an error);</li>
 *   <li>re: {@code regexp.Compile(pattern).MatchString(subject)} of "pattern|subject", or Go's compile error.</li>
 * </ul>
 */
class GoReferenceTest {

    static Stream<Arguments> recorded() {
        return Stream.of(
                arguments("expr", "", "1:1: expected operand, found 'EOF'"),
                arguments("expr", "rulewithnotmatcher", "ok"),
                arguments("expr", "Host(example.com)", "ok"),
                arguments("expr", "Host(`a`", "1:9: missing ',' before newline in argument list"),
                arguments("expr", "Host(`a`) Path(`/`)", "1:11: expected 'EOF', found Path"),
                arguments("expr", "Host(`a`) & Path(`/`)", "ok"),
                arguments("expr", "Host(`a`) ||", "1:13: expected operand, found 'EOF'"),
                arguments("expr", "(Host(`a`)", "1:11: expected ')', found newline"),
                arguments("expr", "Host(`a`))", "1:10: expected 'EOF', found ')'"),
                arguments("expr", "Host(`a`)\n&& Path(`/`)", "2:1: expected 'EOF', found '&&'"),
                arguments("expr", "Host(`a`) &&\nPath(`/`)", "ok"),
                arguments("expr", "Host(\"a\\q\")", "1:9: unknown escape sequence"),
                arguments("expr", "Host(`a) ", "1:6: raw string literal not terminated"),
                arguments("expr", "Host(\"a)", "1:6: string literal not terminated"),
                arguments("expr", "Host(`a`) # x", "1:11: illegal character U+0023 '#'"),
                arguments("expr", "Host(`a`, )", "ok"),
                arguments("expr", "Host(,`a`)", "1:6: expected operand, found ','"),
                arguments("expr", "Host(`a` `b`)", "1:10: missing ',' in argument list"),
                arguments("expr", "Host(`a`)\n", "ok"),
                arguments("expr", "\nHost(`a`)", "ok"),
                arguments("expr", "Host(`a`) // c", "ok"),
                arguments("expr", "Host(`a`) /* c */ && Path(`/`)", "ok"),
                arguments("expr", "Host(`a`) /* \n */ && Path(`/`)", "2:5: expected 'EOF', found '&&'"),
                arguments("expr", "!", "1:2: expected operand, found 'EOF'"),
                arguments("expr", "!!Host(`a`)", "ok"),
                arguments("expr", "Host(`a`) &&& Path(`/`)", "ok"),
                arguments("expr", "Host(\"\\x41\\101\\u00e9\\U0001F600\")", "ok"),
                arguments("expr", "Host(\"\\xZZ\")", "1:9: illegal character U+005A 'Z' in escape sequence"),
                arguments("expr", "Host(\"\\400\")", "1:8: escape sequence is invalid Unicode code point"),
                arguments("expr", "Host(\"\\uD800\")", "1:8: escape sequence is invalid Unicode code point"),
                arguments("expr", "Host('ab')", "1:6: illegal rune literal"),
                arguments("expr", "Host(1.5)", "ok"),
                arguments("expr", "Host(0x1F)", "ok"),
                arguments("expr", "Host(`a`)\t&&\tPath(`/`)", "ok"),
                arguments("expr", "Host(`a`);", "1:10: expected 'EOF', found ';'"),
                arguments("expr", "Host(`a`) ; Path(`/`)", "1:11: expected 'EOF', found ';'"),
                arguments("expr", "Host[`a`]", "ok"),
                arguments("expr", "Host(`a`...)", "ok"),
                arguments("expr", "Host(`a`)  @", "1:12: illegal character U+0040 '@'"),
                arguments("expr", "Host(`a`) $", "1:11: illegal character U+0024 '$'"),
                arguments("expr", "Host(`a`).Foo", "ok"),
                arguments("expr", "Host(`\u00e9`)", "ok"),
                arguments("expr", "Ho st(`a`)", "1:4: expected 'EOF', found st"),
                arguments("expr", "Host (`a`)", "ok"),
                arguments("expr", "Host(`a`)&&Path(`/`)", "ok"),
                arguments("expr", "Host(`a`)||!Path(`/`)", "ok"),
                arguments("expr", "((Host(`a`)))", "ok"),
                arguments("expr", "()", "1:2: expected operand, found ')'"),
                arguments("expr", "Host(`a`) && (Path(`/`) || Method(`GET`)", "1:41: expected ')', found newline"),
                arguments("expr", "Host(\n`a`\n)", "2:4: missing ',' before newline in argument list"),
                arguments("expr", "Host(\n`a`,\n)", "ok"),
                arguments("expr", "Host(`a\nb`)", "ok"),
                arguments("expr", "Host(`a`) ? x", "1:11: illegal character U+003F '?'"),
                arguments("expr", "x := 1", "1:3: expected 'EOF', found ':='"),
                arguments("expr", "Host(`a`) &^ Path(`/`)", "ok"),
                arguments("expr", "<-Host(`a`)", "ok"),
                arguments("expr", "*Host(`a`)", "ok"),
                arguments("expr", "&Host(`a`)", "ok"),
                arguments("expr", "Host(`a`) << 2", "ok"),
                arguments("expr", "1 + 2", "ok"),
                arguments("expr", "Host(`a`) != Path(`/`)", "ok"),
                arguments("expr", "Host(``)", "ok"),
                arguments("expr", "Host(\"\")", "ok"),
                arguments("expr", "Host(`a`) ~ Path(`/`)", "1:11: expected 'EOF', found '~'"),
                arguments("expr", "~Host(`a`)", "ok"),
                arguments("expr", "Host(`a`)\r\n&& Path(`/`)", "2:1: expected 'EOF', found '&&'"),
                arguments("expr", "Host(`a\rb`)", "ok"),
                arguments("expr", "if", "1:1: expected operand, found 'if'"),
                arguments("expr", "Host(`a`) if", "1:11: expected 'EOF', found 'if'"),
                arguments("expr", "Host(`a`)\n\n", "ok"),
                arguments("path", "/", "/"),
                arguments("path", "/foo%20bar", "/foo bar"),
                arguments("path", "/foo%2Fbar", "/foo%2Fbar"),
                arguments("path", "/foo%20bar%2Fbaz%23qux", "/foo bar%2Fbaz%23qux"),
                arguments("path", "/{path:css}", "/{path:css}"),
                arguments("path", "/%7Bpath:css%7D", "/{path:css}"),
                arguments("path", "/a%2fb", "/a/b"),
                arguments("path", "/a%2Fb", "/a%2Fb"),
                arguments("path", "/a b", "/a b"),
                arguments("path", "/\u00e9", "/\u00e9"),
                arguments("path", "/%C3%A9", "/\u00e9"),
                arguments("path", "/a%3a%3A", "/a:%3A"),
                arguments("path", "/a!$&'()*+,;=:@[]", "/a!$&'()*+,;=:@[]"),
                arguments("path", "/{a}%2Fb", "/{a}/b"),
                arguments("path", "/{a}%2fb%21", "/{a}/b%21"),
                arguments("path", "/\"x\"%25", "/\"x\"%25"),
                arguments("path", "/a%25b", "/a%25b"),
                arguments("path", "/a%zz", "err"),
                arguments("path", "/a%2", "err"),
                arguments("path", "/a%", "err"),
                arguments("path", "/%E2%82%AC/x", "/\u20ac/x"),
                arguments("path", "/a^b|c", "/a^b|c"),
                arguments("path", "/a%5Bb%5d", "/a%5Bb]"),
                arguments("path", "*", "*"),
                arguments("path", "/%3Fx", "/%3Fx"),
                arguments("path", "/a~b-c_d.e", "/a~b-c_d.e"),
                arguments("path", "/a%7e", "/a~"),
                arguments("path", "/a`b", "/a`b"),
                arguments("path", "/a%00b", "/a\u0000b"),
                arguments("path", "/a\\b", "/a\\b"),
                arguments("path", "/a%2Fb%20c{", "/a/b c{"),
                arguments("path", "/%ff", "/\ufffd"),
                arguments("path", "/x%2B%2b", "/x%2B+"),
                arguments("query", "k=v", "[v]"),
                arguments("query", "k=v&k=w", "[v w]"),
                arguments("query", "k", "[]"),
                arguments("query", "k=", "[]"),
                arguments("query", "k=a;b", "[]"),
                arguments("query", "a=1;k=2", "[]"),
                arguments("query", "k=a+b", "[a b]"),
                arguments("query", "k=%20x", "[ x]"),
                arguments("query", "k=%zz", "[]"),
                arguments("query", "k=%zz&k=ok", "[ok]"),
                arguments("query", "%6B=x", "[x]"),
                arguments("query", "k=a=b", "[a=b]"),
                arguments("query", "&&k=1&", "[1]"),
                arguments("query", "K=1", "[]"),
                arguments("query", "k=%E2%82%AC", "[\u20ac]"),
                arguments("query", "k=%", "[]"),
                arguments("query", "k+=1", "[]"),
                arguments("query", "k%20=1", "[]"),
                arguments("query", "k=1&k", "[1 ]"),
                arguments("query", ";k=1", "[]"),
                arguments("query", "k=1;", "[]"),
                arguments("cidr", "1", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1"),
                arguments("cidr", "127.0.0.1", "valid"),
                arguments("cidr", "01.2.3.4", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 01.2.3.4"),
                arguments("cidr", "1.2.3.4/24", "valid"),
                arguments("cidr", "1.2.3.4/33", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3.4/33"),
                arguments("cidr", "1.2.3.4/024", "valid"),
                arguments("cidr", "10::10", "valid"),
                arguments("cidr", "10::/16", "valid"),
                arguments("cidr", "::ffff:1.2.3.0/120", "valid"),
                arguments("cidr", "::ffff:1.2.3.4", "valid"),
                arguments("cidr", "fe80::1%eth0", "parsing CIDR trusted IPs <nil>: invalid CIDR address: fe80::1%eth0"),
                arguments("cidr", "fe80::1%eth0/64", "parsing CIDR trusted IPs <nil>: invalid CIDR address: fe80::1%eth0/64"),
                arguments("cidr", "::", "valid"),
                arguments("cidr", "::1", "valid"),
                arguments("cidr", "1::2::3", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1::2::3"),
                arguments("cidr", "1:2:3:4:5:6:7:8", "valid"),
                arguments("cidr", "1:2:3:4:5:6:7:8:9", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1:2:3:4:5:6:7:8:9"),
                arguments("cidr", "1:2:3:4:5:6:7::", "valid"),
                arguments("cidr", "::1.2.3.4", "valid"),
                arguments("cidr", "1.2.3.4/", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3.4/"),
                arguments("cidr", "1.2.3.4/-1", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3.4/-1"),
                arguments("cidr", "/24", "parsing CIDR trusted IPs <nil>: invalid CIDR address: /24"),
                arguments("cidr", "1.2.3", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3"),
                arguments("cidr", "1.2.3.4.5", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3.4.5"),
                arguments("cidr", "256.1.1.1", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 256.1.1.1"),
                arguments("cidr", "a::g", "parsing CIDR trusted IPs <nil>: invalid CIDR address: a::g"),
                arguments("cidr", "12345::", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 12345::"),
                arguments("cidr", "1:2:3:4:5:6:1.2.3.4", "valid"),
                arguments("cidr", "1:2:3:4:5:6:7:1.2.3.4", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1:2:3:4:5:6:7:1.2.3.4"),
                arguments("cidr", "::ffff:1.2.3.4/96", "valid"),
                arguments("cidr", "0.0.0.0/0", "valid"),
                arguments("cidr", "::/0", "valid"),
                arguments("cidr", "1.2.3.4/+8", "parsing CIDR trusted IPs <nil>: invalid CIDR address: 1.2.3.4/+8"),
                arguments("cidr", " 1.2.3.4", "parsing CIDR trusted IPs <nil>: invalid CIDR address:  1.2.3.4"),
                arguments("cidr", "10.0.0.0/16", "valid"),
                arguments("splithost", "example.com", "err"),
                arguments("splithost", "example.com:8080", "example.com"),
                arguments("splithost", "[::1]:80", "::1"),
                arguments("splithost", "[::1]", "err"),
                arguments("splithost", "10::10", "err"),
                arguments("splithost", "[10::10]", "err"),
                arguments("splithost", "example.com:", "example.com"),
                arguments("splithost", ":80", ""),
                arguments("splithost", "[::1]x:80", "err"),
                arguments("splithost", "a:b:c", "err"),
                arguments("splithost", "[a]:b]:1", "err"),
                arguments("splithost", "[a:1", "err"),
                arguments("splithost", "a]:1", "err"),
                arguments("splithost", "", "err"),
                arguments("splithost", "EXAMPLE.com", "err"),
                arguments("contains", "1.2.3.4|1.2.3.4", "true"),
                arguments("contains", "1.2.3.4|1.2.3.5", "false"),
                arguments("contains", "1.2.3.4|1.2.4.1", "false"),
                arguments("contains", "1.2.3.4|::ffff:1.2.3.4", "true"),
                arguments("contains", "1.2.3.4|10::10", "false"),
                arguments("contains", "1.2.3.4|11::1", "false"),
                arguments("contains", "1.2.3.4|::1", "false"),
                arguments("contains", "1.2.3.4|127.0.0.1", "false"),
                arguments("contains", "1.2.3.4|fe80::1", "false"),
                arguments("contains", "1.2.3.4|0.0.0.0", "false"),
                arguments("contains", "1.2.3.4|::", "false"),
                arguments("contains", "1.2.3.0/24|1.2.3.4", "true"),
                arguments("contains", "1.2.3.0/24|1.2.3.5", "true"),
                arguments("contains", "1.2.3.0/24|1.2.4.1", "false"),
                arguments("contains", "1.2.3.0/24|::ffff:1.2.3.4", "true"),
                arguments("contains", "1.2.3.0/24|10::10", "false"),
                arguments("contains", "1.2.3.0/24|11::1", "false"),
                arguments("contains", "1.2.3.0/24|::1", "false"),
                arguments("contains", "1.2.3.0/24|127.0.0.1", "false"),
                arguments("contains", "1.2.3.0/24|fe80::1", "false"),
                arguments("contains", "1.2.3.0/24|0.0.0.0", "false"),
                arguments("contains", "1.2.3.0/24|::", "false"),
                arguments("contains", "::ffff:1.2.3.4|1.2.3.4", "true"),
                arguments("contains", "::ffff:1.2.3.4|1.2.3.5", "false"),
                arguments("contains", "::ffff:1.2.3.4|1.2.4.1", "false"),
                arguments("contains", "::ffff:1.2.3.4|::ffff:1.2.3.4", "true"),
                arguments("contains", "::ffff:1.2.3.4|10::10", "false"),
                arguments("contains", "::ffff:1.2.3.4|11::1", "false"),
                arguments("contains", "::ffff:1.2.3.4|::1", "false"),
                arguments("contains", "::ffff:1.2.3.4|127.0.0.1", "false"),
                arguments("contains", "::ffff:1.2.3.4|fe80::1", "false"),
                arguments("contains", "::ffff:1.2.3.4|0.0.0.0", "false"),
                arguments("contains", "::ffff:1.2.3.4|::", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|1.2.3.4", "true"),
                arguments("contains", "::ffff:1.2.3.0/120|1.2.3.5", "true"),
                arguments("contains", "::ffff:1.2.3.0/120|1.2.4.1", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|::ffff:1.2.3.4", "true"),
                arguments("contains", "::ffff:1.2.3.0/120|10::10", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|11::1", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|::1", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|127.0.0.1", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|fe80::1", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|0.0.0.0", "false"),
                arguments("contains", "::ffff:1.2.3.0/120|::", "false"),
                arguments("contains", "::ffff:0:0/96|1.2.3.4", "true"),
                arguments("contains", "::ffff:0:0/96|1.2.3.5", "true"),
                arguments("contains", "::ffff:0:0/96|1.2.4.1", "true"),
                arguments("contains", "::ffff:0:0/96|::ffff:1.2.3.4", "true"),
                arguments("contains", "::ffff:0:0/96|10::10", "false"),
                arguments("contains", "::ffff:0:0/96|11::1", "false"),
                arguments("contains", "::ffff:0:0/96|::1", "false"),
                arguments("contains", "::ffff:0:0/96|127.0.0.1", "true"),
                arguments("contains", "::ffff:0:0/96|fe80::1", "false"),
                arguments("contains", "::ffff:0:0/96|0.0.0.0", "true"),
                arguments("contains", "::ffff:0:0/96|::", "false"),
                arguments("contains", "10::/16|1.2.3.4", "false"),
                arguments("contains", "10::/16|1.2.3.5", "false"),
                arguments("contains", "10::/16|1.2.4.1", "false"),
                arguments("contains", "10::/16|::ffff:1.2.3.4", "false"),
                arguments("contains", "10::/16|10::10", "true"),
                arguments("contains", "10::/16|11::1", "false"),
                arguments("contains", "10::/16|::1", "false"),
                arguments("contains", "10::/16|127.0.0.1", "false"),
                arguments("contains", "10::/16|fe80::1", "false"),
                arguments("contains", "10::/16|0.0.0.0", "false"),
                arguments("contains", "10::/16|::", "false"),
                arguments("contains", "10::10|1.2.3.4", "false"),
                arguments("contains", "10::10|1.2.3.5", "false"),
                arguments("contains", "10::10|1.2.4.1", "false"),
                arguments("contains", "10::10|::ffff:1.2.3.4", "false"),
                arguments("contains", "10::10|10::10", "true"),
                arguments("contains", "10::10|11::1", "false"),
                arguments("contains", "10::10|::1", "false"),
                arguments("contains", "10::10|127.0.0.1", "false"),
                arguments("contains", "10::10|fe80::1", "false"),
                arguments("contains", "10::10|0.0.0.0", "false"),
                arguments("contains", "10::10|::", "false"),
                arguments("contains", "0.0.0.0/0|1.2.3.4", "true"),
                arguments("contains", "0.0.0.0/0|1.2.3.5", "true"),
                arguments("contains", "0.0.0.0/0|1.2.4.1", "true"),
                arguments("contains", "0.0.0.0/0|::ffff:1.2.3.4", "true"),
                arguments("contains", "0.0.0.0/0|10::10", "false"),
                arguments("contains", "0.0.0.0/0|11::1", "false"),
                arguments("contains", "0.0.0.0/0|::1", "false"),
                arguments("contains", "0.0.0.0/0|127.0.0.1", "true"),
                arguments("contains", "0.0.0.0/0|fe80::1", "false"),
                arguments("contains", "0.0.0.0/0|0.0.0.0", "true"),
                arguments("contains", "0.0.0.0/0|::", "false"),
                arguments("contains", "::/0|1.2.3.4", "false"),
                arguments("contains", "::/0|1.2.3.5", "false"),
                arguments("contains", "::/0|1.2.4.1", "false"),
                arguments("contains", "::/0|::ffff:1.2.3.4", "false"),
                arguments("contains", "::/0|10::10", "true"),
                arguments("contains", "::/0|11::1", "true"),
                arguments("contains", "::/0|::1", "true"),
                arguments("contains", "::/0|127.0.0.1", "false"),
                arguments("contains", "::/0|fe80::1", "true"),
                arguments("contains", "::/0|0.0.0.0", "false"),
                arguments("contains", "::/0|::", "true"),
                arguments("contains", "::1|1.2.3.4", "false"),
                arguments("contains", "::1|1.2.3.5", "false"),
                arguments("contains", "::1|1.2.4.1", "false"),
                arguments("contains", "::1|::ffff:1.2.3.4", "false"),
                arguments("contains", "::1|10::10", "false"),
                arguments("contains", "::1|11::1", "false"),
                arguments("contains", "::1|::1", "true"),
                arguments("contains", "::1|127.0.0.1", "false"),
                arguments("contains", "::1|fe80::1", "false"),
                arguments("contains", "::1|0.0.0.0", "false"),
                arguments("contains", "::1|::", "false"),
                arguments("contains", "127.0.0.1|1.2.3.4", "false"),
                arguments("contains", "127.0.0.1|1.2.3.5", "false"),
                arguments("contains", "127.0.0.1|1.2.4.1", "false"),
                arguments("contains", "127.0.0.1|::ffff:1.2.3.4", "false"),
                arguments("contains", "127.0.0.1|10::10", "false"),
                arguments("contains", "127.0.0.1|11::1", "false"),
                arguments("contains", "127.0.0.1|::1", "false"),
                arguments("contains", "127.0.0.1|127.0.0.1", "true"),
                arguments("contains", "127.0.0.1|fe80::1", "false"),
                arguments("contains", "127.0.0.1|0.0.0.0", "false"),
                arguments("contains", "127.0.0.1|::", "false"),
                arguments("contains", "::ffff:0.0.0.0/96|1.2.3.4", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|1.2.3.5", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|1.2.4.1", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|::ffff:1.2.3.4", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|10::10", "false"),
                arguments("contains", "::ffff:0.0.0.0/96|11::1", "false"),
                arguments("contains", "::ffff:0.0.0.0/96|::1", "false"),
                arguments("contains", "::ffff:0.0.0.0/96|127.0.0.1", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|fe80::1", "false"),
                arguments("contains", "::ffff:0.0.0.0/96|0.0.0.0", "true"),
                arguments("contains", "::ffff:0.0.0.0/96|::", "false"),
                arguments("contains", "1.2.3.4/32|1.2.3.4", "true"),
                arguments("contains", "1.2.3.4/32|1.2.3.5", "false"),
                arguments("contains", "1.2.3.4/32|1.2.4.1", "false"),
                arguments("contains", "1.2.3.4/32|::ffff:1.2.3.4", "true"),
                arguments("contains", "1.2.3.4/32|10::10", "false"),
                arguments("contains", "1.2.3.4/32|11::1", "false"),
                arguments("contains", "1.2.3.4/32|::1", "false"),
                arguments("contains", "1.2.3.4/32|127.0.0.1", "false"),
                arguments("contains", "1.2.3.4/32|fe80::1", "false"),
                arguments("contains", "1.2.3.4/32|0.0.0.0", "false"),
                arguments("contains", "1.2.3.4/32|::", "false"),
                arguments("contains", "fe80::/10|1.2.3.4", "false"),
                arguments("contains", "fe80::/10|1.2.3.5", "false"),
                arguments("contains", "fe80::/10|1.2.4.1", "false"),
                arguments("contains", "fe80::/10|::ffff:1.2.3.4", "false"),
                arguments("contains", "fe80::/10|10::10", "false"),
                arguments("contains", "fe80::/10|11::1", "false"),
                arguments("contains", "fe80::/10|::1", "false"),
                arguments("contains", "fe80::/10|127.0.0.1", "false"),
                arguments("contains", "fe80::/10|fe80::1", "true"),
                arguments("contains", "fe80::/10|0.0.0.0", "false"),
                arguments("contains", "fe80::/10|::", "false"),
                arguments("query", "k=1&k=2;x", "[1]"),
                arguments("query", "k=%2B", "[+]"),
                arguments("query", "k=a%26b", "[a&b]"),
                arguments("query", "k=1&k=%", "[1]"),
                arguments("query", "x=1&k=%41%42", "[AB]"),
                arguments("query", "k=%e2%82%ac", "[\u20ac]"),
                arguments("query", "k=\u00e9", "[\u00e9]"),
                arguments("path", "/%c3%a9", "/\u00e9"),
                arguments("path", "/%C3", "/\ufffd"),
                arguments("path", "/a%2F%2f", "/a%2F/"),
                arguments("path", "/a%3a", "/a:"),
                arguments("path", "/%E2%82", "/\ufffd"),
                arguments("path", "/a{b}%3Fc", "/a{b}%3Fc"),
                arguments("path", "/a b%2F", "/a b/"),
                arguments("path", "/\u00fc%2F", "/\u00fc/"),
                arguments("path", "/a%5b", "/a["),
                arguments("path", "/%41%2a", "/A*"),
                arguments("re", "^[a-z]+$|abc", "true"),
                arguments("re", "(?i)ABC|abc", "true"),
                arguments("re", "\\bfoo\\b|a foo b", "true"),
                arguments("re", "[[:alpha:]]+|abc", "true"),
                arguments("re", "\\pL+|\u00e9t\u00e9", "true"),
                arguments("re", "(?s)a.b|a\nb", "true"),
                arguments("re", "a.b|a\nb", "false"),
                arguments("re", "a$|a\n", "false"),
                arguments("re", "a\\z|a", "true"),
                arguments("re", "^/(css|js)|/css/x", "true"),
                arguments("re", "(?P<n>x)|x", "true"),
                arguments("re", "x{1001}|x", "error parsing regexp: invalid repeat count: `{1001}`"),
                arguments("re", "x{1000}|x", "false"),
                arguments("re", "\\Q.\\E|a.b", "true"),
                arguments("re", "a++|aa", "error parsing regexp: invalid nested repetition operator: `++`"),
                arguments("re", "(?=x)|x", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
                arguments("re", "\\1|x", "error parsing regexp: invalid escape sequence: `\\1`"),
                arguments("re", "[z-a]|x", "error parsing regexp: invalid character class range: `z-a`"),
                arguments("re", "\\8|x", "error parsing regexp: invalid escape sequence: `\\8`"),
                arguments("re", "(?i)stra\u00dfe|STRASSE", "false"),
                arguments("re", "(?i)k|\u212a", "true"),
                arguments("re", "\\d|\u0663", "false"),
                arguments("re", "\\w|\u00e9", "false"),
                arguments("re", "[^a]|\u00e9", "true"),
                arguments("re", "a{,3}|a{,3}", "true"),
                arguments("re", "\\C|x", "error parsing regexp: invalid escape sequence: `\\C`"),
                arguments("re", "(?U)a+|aa", "true"),
                arguments("re", "\\x{1F600}|\ud83d\ude00", "true"),
                arguments("re", "[\\x{1F600}]|\ud83d\ude00", "true"),
                arguments("re", "^.$|\ud83d\ude00", "true"),
                arguments("re", "(a|b)*c|ababc", "true"),
                arguments("re", "\\pN|\u0663", "true"),
                arguments("re", "\\p{Greek}|\u03b1", "true"),
                arguments("re", "(?m)^b|a\nb", "true"),
                arguments("re", "a\\Z|a", "error parsing regexp: invalid escape sequence: `\\Z`"),
                arguments("re", "\\A|x", "true"),
                arguments("re", "[[:word:]]|_", "true"),
                arguments("re", "\\v|\u000b", "true"),
                arguments("re", "\\h|x", "error parsing regexp: invalid escape sequence: `\\h`"),
                arguments("re", "(?i)\u03a3|\u03c3", "true"),
                arguments("re", "(?i)\u03c3|\u03c2", "true"),
                arguments("re", "\u00e9|\u00e9", "true"),
                arguments("re", "x*?|x", "true"),
                arguments("re", "a{2}{3}|aaaaaa", "error parsing regexp: invalid nested repetition operator: `{2}{3}`"),
                arguments("re", "**|x", "error parsing regexp: missing argument to repetition operator: `*`"),
                arguments("re", "(|x", "error parsing regexp: missing closing ): `(`"),
                arguments("re", ")|x", "error parsing regexp: unexpected ): `)`"),
                arguments("re", "[a|x", "error parsing regexp: missing closing ]: `[a`"),
                arguments("re", "a{1,2|a{1,2", "true"),
                arguments("re", "\\|x", "error parsing regexp: trailing backslash at end of expression: ``")
        );
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recorded")
    void sameAsGo(String kind, String input, String expected) {
        assertThat(actual(kind, input)).isEqualTo(expected);
    }

    private static final RuleExpressionParser PARSER = new RuleExpressionParser(V3Matchers.FACTORIES.keySet());

    private static String actual(String kind, String input) {
        return switch (kind) {
            case "expr" -> {
                try {
                    PARSER.parse(input);
                    yield "ok";
                } catch (RuleExpressionParser.ParseError e) {
                    // only Go's syntax errors ("line:col: ...") come from go/parser; the rest is predicate's
                    yield e.getMessage().matches("(?s)^\\d+:\\d+: .*") ? e.getMessage() : "ok";
                }
            }
            case "path" -> {
                String p = RoutingPath.of(input);
                yield p == null ? "err" : p;
            }
            case "query" -> {
                List<String> values = new ArrayList<>();
                QueryString.anyValue(input, "k", v -> {
                    values.add(v);
                    return false;
                });
                yield "[" + String.join(" ", values) + "]";
            }
            case "cidr" -> {
                try {
                    IpChecker.of(List.of(input));
                    yield "valid";
                } catch (IllegalArgumentException e) {
                    yield e.getMessage();
                }
            }
            case "contains" -> {
                String[] parts = input.split("\\|", 2);
                byte[] ip = GoIp.parseAddr(parts[1], false);
                if (ip == null) {
                    yield "bad";
                }
                try {
                    yield String.valueOf(IpChecker.of(List.of(parts[0])).contains(InetAddress.getByAddress(ip)));
                } catch (IllegalArgumentException e) {
                    yield "bad";
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            case "re" -> {
                int bar = input.lastIndexOf('|');
                try {
                    yield String.valueOf(GoRegexp.compile(input.substring(0, bar)).matcher(input.substring(bar + 1)).find());
                } catch (MatcherBuildException e) {
                    yield e.getMessage();
                }
            }
            case "splithost" -> {
                String h = HostNames.splitHostPortHost(input);
                yield h == null ? "err" : h;
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
