package io.trafficcop.proxy.config.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.io.File;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape the reflection-based loader and validator rely on: records only, boxed scalars, {@link GoDuration},
 * {@code List}, {@code Map<String, ...>}; every record reachable from {@link DynamicConfiguration}; never throwing.
 */
class DynamicModelConventionsTest {

    private static final Set<Class<?>> SCALARS =
            Set.of(String.class, Boolean.class, Integer.class, Long.class, Double.class, GoDuration.class);

    static Set<Class<?>> reachableRecords() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(DynamicConfiguration.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                recordsIn(component.getGenericType()).forEach(todo::push);
            }
        }
        return seen;
    }

    private static Stream<Class<?>> recordsIn(Type type) {
        if (type instanceof Class<?> cls) {
            return cls.isRecord() && cls != GoDuration.class ? Stream.of(cls) : Stream.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).flatMap(DynamicModelConventionsTest::recordsIn);
        }
        return Stream.empty();
    }

    @Test
    void everyRecordOfThePackageIsReachableFromTheRoot() throws URISyntaxException {
        File folder = new File(DynamicConfiguration.class.getResource("DynamicConfiguration.class").toURI())
                .getParentFile();
        Set<String> declared = Arrays.stream(Objects.requireNonNull(folder.list()))
                .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reachable = reachableRecords().stream()
                .filter(type -> type.getPackage().equals(DynamicConfiguration.class.getPackage()))
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(reachable).isEqualTo(declared);
    }

    @ParameterizedTest
    @MethodSource("reachableRecords")
    void componentsHaveLoaderFriendlyTypes(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(isSupported(component.getGenericType(), type == Middleware.class))
                    .as(type.getSimpleName() + "." + component.getName() + ": " + component.getGenericType())
                    .isTrue();
        }
    }

    private static boolean isSupported(Type type, boolean freeFormAllowed) {
        if (type instanceof Class<?> cls) {
            return SCALARS.contains(cls) || cls.isRecord() || freeFormAllowed && cls == Object.class;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return isSupported(args[0], freeFormAllowed);
            }
            if (raw == Map.class) {
                return args[0] == String.class && isSupported(args[1], freeFormAllowed);
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("reachableRecords")
    void constructingWithAllNullsNeverThrows(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);

        assertThatCode(() -> type.getDeclaredConstructor(types).newInstance(new Object[components.length]))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("reachableRecords")
    void notImplementedMarksGiveAReason(Class<?> type) {
        Stream.concat(Stream.of(type.getAnnotation(NotImplemented.class)),
                        Arrays.stream(type.getRecordComponents()).map(c -> c.getAnnotation(NotImplemented.class)))
                .filter(Objects::nonNull)
                .forEach(mark -> assertThat(mark.value()).as(type.getSimpleName()).isNotBlank());
    }

    @Test
    void implementedPartIsNotMarked() {
        assertThat(unmarked(Router.class)).contains("entryPoints", "middlewares", "service", "rule", "ruleSyntax", "priority");
        assertThat(unmarked(LoadBalancer.class)).contains("servers", "passHostHeader", "serversTransport", "strategy");
        assertThat(unmarked(Server.class)).contains("url", "weight", "preservePath");
        assertThat(unmarked(ServersTransport.class)).contains("forwardingTimeouts", "maxIdleConnsPerHost");
        assertThat(unmarked(ForwardingTimeouts.class)).contains("dialTimeout", "responseHeaderTimeout", "idleConnTimeout");
        assertThat(unmarked(HttpConfiguration.class)).contains("routers", "services", "middlewares", "serversTransports");
        assertThat(unmarked(Middleware.class)).contains("addPrefix", "stripPrefix", "stripPrefixRegex", "replacePath",
                "replacePathRegex", "chain", "headers", "redirectRegex", "redirectScheme", "contentType",
                "ipWhiteList", "ipAllowList", "ipDenyList", "rateLimit", "basicAuth", "digestAuth", "jwt", "inFlightReq",
                "forwardAuth", "retry", "compress", "errors", "buffering", "circuitBreaker");
        assertThat(Middleware.class.getAnnotation(NotImplemented.class)).isNull();
    }

    private static List<String> unmarked(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getAnnotation(NotImplemented.class) == null && type.getAnnotation(NotImplemented.class) == null)
                .map(RecordComponent::getName)
                .toList();
    }
}
