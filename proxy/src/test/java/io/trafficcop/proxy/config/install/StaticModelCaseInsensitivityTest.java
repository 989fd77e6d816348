package io.trafficcop.proxy.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Traefik's file loader (paerser) matches keys to Go field names ignoring case, so {@code [entrypoints.web]}
 * is as good as {@code [entryPoints.web]}. The model supports a loader doing the same.
 */
class StaticModelCaseInsensitivityTest {

    @Test
    void noRecordHasTwoKeysDifferingOnlyByCase() {
        Set<String> clashes = new HashSet<>();
        visit(StaticConfiguration.class, new HashSet<>(), clashes);

        assertThat(clashes).isEmpty();
    }

    @Test
    void bindsKeysSpelledInAnotherCaseWhenTheMapperIgnoresCase() throws IOException {
        ObjectMapper mapper = TomlMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        StaticConfiguration config = mapper.readValue("""
                [entrypoints.web]
                  ADDRESS = ":80"
                  [entrypoints.web.http2]
                    maxconcurrentstreams = 10
                [providers.FILE]
                  directory = "/etc/traefik/dynamic"
                """, StaticConfiguration.class);

        assertThat(config.entryPoints().get("web").address()).isEqualTo(":80");
        assertThat(config.entryPoints().get("web").http2().maxConcurrentStreams()).isEqualTo(10);
        assertThat(config.providers().file().directory()).isEqualTo("/etc/traefik/dynamic");
    }

    private static void visit(Class<?> record, Set<Class<?>> seen, Set<String> clashes) {
        if (!seen.add(record)) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!names.add(component.getName().toLowerCase(Locale.ROOT))) {
                clashes.add(record.getSimpleName() + "." + component.getName());
            }
            Type type = component.getGenericType();
            if (type instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                type = arguments[arguments.length - 1];
            }
            if (type instanceof Class<?> nested && nested.isRecord()) {
                visit(nested, seen, clashes);
            }
        }
    }
}
