# syntax=docker/dockerfile:1.7
# TrafficCop images, built from source in two stages: a Maven build, then a slim JRE runtime running as non-root.
#
#   docker build --target proxy    -t ghcr.io/trafficcop/trafficcop:dev .
#   docker build --target operator -t ghcr.io/trafficcop/trafficcop-operator:dev .
#
# The proxy runs `java -jar /app/trafficcop.jar --configFile=/etc/traefik/traefik.yml`; mount the static
# configuration there and dynamic files under /etc/traefik/dynamic (the operator does both from ConfigMaps).

ARG JAVA_VERSION=21

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
USER 65532:65532
# web, websecure and the traefik (ping/api/metrics) entry point of a typical configuration
EXPOSE 8000 8443 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/trafficcop.jar"]
CMD ["--configFile=/etc/traefik/traefik.yml"]
