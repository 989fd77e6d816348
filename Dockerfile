# syntax=docker/dockerfile:1.7
# TrafficCop images, built from source in two stages: a Maven build, then a slim JRE runtime running as non-root.
#
#   docker build --target proxy    -t ghcr.io/trafficcop/trafficcop:dev .
#   docker build --target operator -t ghcr.io/trafficcop/trafficcop-operator:dev .
#
# The proxy runs `java $TRAFFICCOP_JVM_FLAGS -jar /app/trafficcop.jar --configFile=/etc/traefik/traefik.yml`; mount
# the static configuration there and dynamic files under /etc/traefik/dynamic (the operator does both from ConfigMaps).

# Java 25 (LTS): compact object headers (a smaller heap) and the flags below; the code itself needs 21.
ARG JAVA_VERSION=25

# ---- build: the reactor (proxy, then the operator that uses it as a library), tests left to CI
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY proxy/pom.xml proxy/
COPY operator/pom.xml operator/
COPY proxy/src/ proxy/src/
COPY operator/src/ operator/src/
# The operator build regenerates crds/ and the chart's copy; they are outputs here, not inputs.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
 && cp proxy/target/trafficcop.jar /trafficcop.jar \
 && cp operator/target/trafficcop-operator.jar /trafficcop-operator.jar

# ---- runtime base: glibc JRE (Netty's native epoll and BoringSSL need glibc), a fixed non-root user
FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
RUN groupadd --system --gid 65532 trafficcop \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin trafficcop \
 && mkdir -p /app /etc/traefik/dynamic /etc/traefik/tls \
 && chown -R 65532:65532 /etc/traefik
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
WORKDIR /app

# ---- operator image
FROM runtime AS operator
COPY --from=build --chown=65532:65532 /trafficcop-operator.jar /app/trafficcop-operator.jar
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/trafficcop-operator.jar"]

# ---- proxy image (the default target)
FROM runtime AS proxy
COPY --from=build --chown=65532:65532 /trafficcop.jar /app/trafficcop.jar
COPY --chown=65532:65532 bin/jit-directives.json /app/jit-directives.json
# The JVM flags of bin/trafficcop (measured in bench/RESULTS.md), without its -Xmx: in a container the heap follows the
# memory limit (MaxRAMPercentage above). Serial GC, a fixed 12 MiB young generation with large survivors (requests in
# flight die there instead of growing the old generation) and objects promoted after five collections (a reload's
# configuration is not copied between survivors up to fifteen times); Netty's leak
# detector and allocator JFR events off; the JIT compiling after 5x the default invocations (start-up CPU);
# malloc's freed memory returned to the OS; Unsafe for Netty's buffers; 8-byte object headers; reflection through
# native accessors (no method-handle classes spun for Jackson's binding); the configuration pipeline compiled by C1
# only (jit-directives.json); VM messages on stderr, as stdout is the proxy's log. No
# --enable-native-access: the jar's manifest has it, and the flag would disable the JDK archive's module graph.
ENV TRAFFICCOP_JVM_FLAGS="-Xms20m -Xmn12m -XX:SurvivorRatio=1 -XX:TargetSurvivorRatio=90 -XX:MaxTenuringThreshold=5 -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled \
-Dio.netty.jfr.enabled=false -XX:CompileThresholdScaling=5 -XX:TrimNativeHeapInterval=1000 \
--sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false -XX:+UseCompactObjectHeaders \
-Djdk.reflect.useNativeAccessorOnly=true -XX:+DisplayVMOutputToStderr \
-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=/app/jit-directives.json" \
    MALLOC_ARENA_MAX=2
# The class data sharing archive, baked at build time by a training run that starts the proxy and proxies a request
# (the classes a start-up needs, already parsed and verified): the first proxied response comes about twice as fast
# and idle RSS is lower than with the classes loaded from the jar. Same JVM and flags as at run time (a mismatch only
# makes the JVM ignore the archive). Bash for its /dev/tcp: the JRE image has no HTTP client.
SHELL ["/bin/bash", "-c"]
RUN set -eu; train=/tmp/train; mkdir -p "$train"; \
    printf 'entryPoints:\n  web:\n    address: "127.0.0.1:18080"\nlog:\n  level: WARN\nproviders:\n  file:\n    filename: %s/dynamic.yml\n' \
        "$train" > "$train/traefik.yml"; \
    printf 'http:\n  routers:\n    train:\n      rule: "PathPrefix(`/`)"\n      service: train\n  services:\n    train:\n      loadBalancer:\n        servers:\n          - url: "http://127.0.0.1:18081"\n' \
        > "$train/dynamic.yml"; \
    java -XX:TieredStopAtLevel=1 -jar /app/trafficcop.jar whoami --port 18081 & backend=$!; \
    java $TRAFFICCOP_JVM_FLAGS -XX:ArchiveClassesAtExit=/app/trafficcop.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar /app/trafficcop.jar --configFile="$train/traefik.yml" & proxy=$!; \
    for i in $(seq 1 600); do \
        if { exec 3<>/dev/tcp/127.0.0.1/18080; } 2>/dev/null; then \
            printf 'GET /train HTTP/1.1\r\nHost: train\r\nConnection: close\r\n\r\n' >&3; \
            if head -n1 <&3 | grep -q ' 200 '; then exec 3<&-; break; fi; exec 3<&-; \
        fi; \
        sleep 0.1; \
    done; \
    kill "$proxy"; wait "$proxy" || true; kill "$backend"; wait "$backend" || true; \
    test -s /app/trafficcop.jsa; chmod 0444 /app/trafficcop.jsa; rm -rf "$train"
USER 65532:65532
# web, websecure and the traefik (ping/api/metrics) entry point of a typical configuration
EXPOSE 8000 8443 8080
# a shell only to expand $TRAFFICCOP_JVM_FLAGS (override it to change the JVM's flags); exec: java is PID 1
ENTRYPOINT ["/bin/sh", "-c", "exec java $TRAFFICCOP_JVM_FLAGS -XX:SharedArchiveFile=/app/trafficcop.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar /app/trafficcop.jar \"$@\"", "trafficcop"]
CMD ["--configFile=/etc/traefik/traefik.yml"]
