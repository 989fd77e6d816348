package io.trafficcop.proxy.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.validate.Location;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationMergerTest {

    private static CheckedDocument parse(String file, String yaml) {
        return CheckedDocument.parse(file, yaml, DynamicConfiguration.class, Map.of());
    }

    private static ConfigurationMerger merged() {
        ConfigurationMerger merger = new ConfigurationMerger();
        merger.add(parse("a.yml", """
                http:
                  routers:
                    r:
                      rule: "Path(`/`)"
                      service: s
                """));
        merger.add(parse("b.yml", """
                http:

                  routers:
                    r:
                      rule: "Path(`/`)"
                      service: s
                    q:
                      rule: "Path(`/q`)"
                      service: s
                """));
        return merger;
    }

    @Test
    void aValueDefinedInSeveralFilesIsLocatedInTheFirst() {
        Map<String, Location> locations = merged().locations();
        assertThat(locations.get("http.routers.r.rule")).isEqualTo(new Location("a.yml", 4));
        assertThat(locations.get("http.routers.q.rule")).isEqualTo(new Location("b.yml", 8));
        assertThat(locations.get("http.routers.nope")).isNull();
        assertThat(locations.containsKey("http.routers.q")).isTrue();
        assertThat(locations.containsKey("http.routers.nope")).isFalse();
    }

    @Test
    void iteratingTheLocationsGivesEachPathOnceWithItsFirstFile() {
        Map<String, Location> locations = merged().locations();
        assertThat(locations).hasSize(8)
                .containsEntry("http", new Location("a.yml", 1))
                .containsEntry("http.routers.q", new Location("b.yml", 7))
                .containsEntry("http.routers.r.service", new Location("a.yml", 5));
        assertThat(Map.copyOf(locations)).isEqualTo(locations);
    }

    @Test
    void aProviderConfigurationKeepsTheLocationsAsTheyAre() {
        ConfigurationMerger merger = merged();
        ProviderConfiguration configuration = new ProviderConfiguration("file", merger.merged(), merger.errors(),
                java.util.List.of(), merger.locations(), merger.brokenElements());
        assertThat(configuration.locationOf("http.routers.q.rule")).isEqualTo(new Location("b.yml", 8));
        assertThat(configuration.locationOf("http.routers.q.tls.options")).isEqualTo(new Location("b.yml", 7));
        assertThat(new ConfigurationMerger().locations()).isEmpty();
    }
}
