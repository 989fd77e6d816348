package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlLineIndexTest {

    @Test
    void findsTablesKeysDottedKeysAndArraysOfTables() {
        var lines = TomlLineIndex.index("""
                # comment
                [entryPoints.web]
                  address = ":80"
                  transport.keepAliveMaxRequests = 3

                [[tls.certificates]]
                  certFile = "a.crt"
                [[tls.certificates]]
                  certFile = "b.crt"
                  stores = ["default",
                            "other"]
                [http.routers."my.router"]
                  rule = "Path(`/`)"
                """);
        assertThat(lines).containsEntry("entryPoints.web", 2).containsEntry("entryPoints.web.address", 3)
                .containsEntry("entryPoints.web.transport.keepAliveMaxRequests", 4)
                .containsEntry("tls.certificates[0].certFile", 7).containsEntry("tls.certificates[1].certFile", 9)
                .containsEntry("tls.certificates[1].stores", 10).containsEntry("http.routers.my.router.rule", 13);
    }
}
