package io.trafficcop.proxy.observability.accesslog;

import static io.trafficcop.proxy.observability.accesslog.AccessLogFieldNames.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Traefik's logger_formatters_test.go (TestCommonLogFormatter_Format, TestGenericCLFLogFormatter_Format). */
class AccessLogFormatTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2009, 11, 10, 23, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime START_GMT_MINUS_9 = START.withZoneSameInstant(ZoneId.of("Etc/GMT+9"));

    static Stream<Arguments> common() {
        return Stream.of(
                Arguments.of("DownstreamStatus & DownstreamContentSize are nil", nilStatusData(START_UTC, START),
                        "10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" - - \"-\" \"-\" 0 \"-\" \"-\""
                                + " 123000ms\n"),
                Arguments.of("all data", allData(START_UTC, START),
                        "10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" 123 132 \"referer\" \"agent\""
                                + " - \"foo\" \"http://10.0.0.2/toto\" 123000ms\n"),
                Arguments.of("all data with local time", allData(START_LOCAL, START_GMT_MINUS_9),
                        "10.0.0.1 - Client [10/Nov/2009:14:00:00 -0900] \"GET /foo http\" 123 132 \"referer\" \"agent\""
                                + " - \"foo\" \"http://10.0.0.2/toto\" 123000ms\n"),
                Arguments.of("user-agent with double quote is escaped", quotedAgentData(),
                        "10.0.0.1 - - [10/Nov/2009:23:00:00 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"foo \\\" bar\" 1"
                                + " \"test@file\" \"http://127.0.0.1:8080\" 1ms\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void common(String name, Map<String, Object> data, String expected) {
        assertThat(AccessLogFormat.COMMON.format(data, START)).isEqualTo(expected);
    }

    static Stream<Arguments> genericClf() {
        return Stream.of(
                Arguments.of("DownstreamStatus & DownstreamContentSize are nil", nilStatusData(START_UTC, START),
                        "10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" - - \"-\" \"-\"\n"),
                Arguments.of("all data", allData(START_UTC, START),
                        "10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" 123 132 \"referer\""
                                + " \"agent\"\n"),
                Arguments.of("all data with local time", allData(START_LOCAL, START_GMT_MINUS_9),
                        "10.0.0.1 - Client [10/Nov/2009:14:00:00 -0900] \"GET /foo http\" 123 132 \"referer\""
                                + " \"agent\"\n"),
                Arguments.of("no start time, no client", new HashMap<String, Object>(),
                        "- - - [-] \"- - -\" - - \"-\" \"-\"\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void genericClf(String name, Map<String, Object> data, String expected) {
        assertThat(AccessLogFormat.GENERIC_CLF.format(data, START)).isEqualTo(expected);
    }

    @Test
    void jsonSortsTheFieldsAndWritesDurationsInNanosecondsAndTimesInRfc3339() throws Exception {
        Map<String, Object> data = allData(START_UTC, START);
        data.put(START_LOCAL, START_GMT_MINUS_9.plusNanos(1_500_000));
        data.put(OVERHEAD, Duration.ofMillis(2));

        String line = AccessLogFormat.JSON.format(data, START_GMT_MINUS_9);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        assertThat(line).startsWith("{\"ClientHost\":\"10.0.0.1\",\"ClientUsername\":\"Client\",");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(line, Map.class);
        assertThat(json).containsEntry("Duration", 123_000_000_000L)
                .containsEntry("Overhead", 2_000_000)
                .containsEntry("StartUTC", "2009-11-10T23:00:00Z")
                .containsEntry("StartLocal", "2009-11-10T14:00:00.0015-09:00")
                .containsEntry("DownstreamStatus", 123)
                .containsEntry("RouterName", "foo")
                .containsEntry("request_User-Agent", "agent")
                .containsEntry("level", "info")
                .containsEntry("msg", "")
                .containsEntry("time", "2009-11-10T14:00:00-09:00")
                .containsEntry("RequestCount", null);
    }

    @ParameterizedTest
    @MethodSource
    void formatByName(String name, AccessLogFormat expected) {
        assertThat(AccessLogFormat.of(name)).isEqualTo(expected);
    }

    static Stream<Arguments> formatByName() {
        return Stream.of(Arguments.of(null, AccessLogFormat.COMMON), Arguments.of("common", AccessLogFormat.COMMON),
                Arguments.of("genericCLF", AccessLogFormat.GENERIC_CLF), Arguments.of("json", AccessLogFormat.JSON),
                Arguments.of("xml", AccessLogFormat.COMMON));
    }

    private static Map<String, Object> nilStatusData(String startKey, ZonedDateTime start) {
        Map<String, Object> data = base(startKey, start);
        data.put(DOWNSTREAM_STATUS, null);
        data.put(DOWNSTREAM_CONTENT_SIZE, null);
        data.put(REQUEST_REFERER_HEADER, "");
        data.put(REQUEST_USER_AGENT_HEADER, "");
        data.put(REQUEST_COUNT, 0);
        data.put(ROUTER_NAME, "");
        data.put(SERVICE_URL, "");
        return data;
    }

    private static Map<String, Object> allData(String startKey, ZonedDateTime start) {
        Map<String, Object> data = base(startKey, start);
        data.put(DOWNSTREAM_STATUS, 123);
        data.put(DOWNSTREAM_CONTENT_SIZE, 132);
        data.put(REQUEST_REFERER_HEADER, "referer");
        data.put(REQUEST_USER_AGENT_HEADER, "agent");
        data.put(REQUEST_COUNT, null);
        data.put(ROUTER_NAME, "foo");
        data.put(SERVICE_URL, "http://10.0.0.2/toto");
        return data;
    }

    private static Map<String, Object> quotedAgentData() {
        Map<String, Object> data = base(START_UTC, START);
        data.put(DURATION, Duration.ofMillis(1));
        data.put(CLIENT_USERNAME, "-");
        data.put(REQUEST_PATH, "/");
        data.put(REQUEST_PROTOCOL, "HTTP/1.1");
        data.put(DOWNSTREAM_STATUS, 200);
        data.put(DOWNSTREAM_CONTENT_SIZE, 0);
        data.put(REQUEST_REFERER_HEADER, "-");
        data.put(REQUEST_USER_AGENT_HEADER, "foo \" bar");
        data.put(REQUEST_COUNT, 1);
        data.put(ROUTER_NAME, "test@file");
        data.put(SERVICE_URL, "http://127.0.0.1:8080");
        return data;
    }

    private static Map<String, Object> base(String startKey, ZonedDateTime start) {
        Map<String, Object> data = new HashMap<>();
        data.put(startKey, start);
        data.put(DURATION, Duration.ofSeconds(123));
        data.put(CLIENT_HOST, "10.0.0.1");
        data.put(CLIENT_USERNAME, "Client");
        data.put(REQUEST_METHOD, "GET");
        data.put(REQUEST_PATH, "/foo");
        data.put(REQUEST_PROTOCOL, "http");
        return data;
    }
}
