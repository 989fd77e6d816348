package io.trafficcop.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of a Traefik static configuration the operator acts on ({@link StaticConfig}). It is lenient on
 * purpose: full validation is the proxy's validator's job; this only extracts ports, timeouts, ping and the file
 * provider, with Traefik's defaults. Keys are matched case-insensitively, as Traefik's own loader does.
 */
public final class StaticConfigReader {

    static final Duration DEFAULT_GRACE_TIMEOUT = Duration.ofSeconds(10);
    static final String INTERNAL_ENTRY_POINT = "traefik";
    static final int INTERNAL_ENTRY_POINT_PORT = 8080;
    static final int DEFAULT_TERMINATING_STATUS_CODE = 503;

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper TOML = new TomlMapper();

    private StaticConfigReader() {
    }

    /** Parses {@code content} as YAML or TOML (by {@code fileName}'s extension). */
    public static StaticConfig read(String fileName, String content) {
        JsonNode root;
        try {
            root = mapperFor(fileName).readTree(content);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(fileName + ": not a valid " + formatOf(fileName) + " document: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        Optional<StaticConfig.Ping> ping = readPing(child(root, "ping"));
        Map<String, StaticConfig.EntryPoint> entryPoints = readEntryPoints(child(root, "entryPoints"));
        if (entryPoints.isEmpty()) {
            entryPoints.put("http", entryPoint("http", ":80", null));
        }
        boolean internalNeeded = ping.filter(p -> !p.manualRouting() && p.entryPoint().equals(INTERNAL_ENTRY_POINT))
                .isPresent() || child(root, "api").isObject() || child(root, "metrics").isObject();
        if (internalNeeded && !entryPoints.containsKey(INTERNAL_ENTRY_POINT)) {
            entryPoints.put(INTERNAL_ENTRY_POINT, entryPoint(INTERNAL_ENTRY_POINT, ":" + INTERNAL_ENTRY_POINT_PORT,
                    null));
        }
        JsonNode file = child(child(root, "providers"), "file");
        Optional<StaticConfig.FileProvider> fileProvider = isEnabled(file)
                ? Optional.of(new StaticConfig.FileProvider(text(file, "directory"), text(file, "filename"),
                        child(file, "watch").asBoolean(false) || "true".equalsIgnoreCase(text(file, "watch"))))
                : Optional.empty();
        return new StaticConfig(entryPoints, ping, fileProvider);
    }

    /** YAML unless the name ends with .toml. */
    static ObjectMapper mapperFor(String fileName) {
        return formatOf(fileName).equals("TOML") ? TOML : YAML;
    }

    private static String formatOf(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".toml") ? "TOML" : "YAML";
    }

    private static Optional<StaticConfig.Ping> readPing(JsonNode ping) {
        if (!isEnabled(ping)) {
            return Optional.empty();
        }
        String entryPoint = Optional.ofNullable(text(ping, "entryPoint")).orElse(INTERNAL_ENTRY_POINT);
        int code = child(ping, "terminatingStatusCode").asInt(DEFAULT_TERMINATING_STATUS_CODE);
        return Optional.of(new StaticConfig.Ping(entryPoint, code == 0 ? DEFAULT_TERMINATING_STATUS_CODE : code,
                child(ping, "manualRouting").asBoolean(false)));
    }

    private static Map<String, StaticConfig.EntryPoint> readEntryPoints(JsonNode entryPoints) {
        Map<String, StaticConfig.EntryPoint> result = new LinkedHashMap<>();
        if (!entryPoints.isObject()) {
            return result;
        }
        for (Map.Entry<String, JsonNode> e : entryPoints.properties()) {
            String address = Optional.ofNullable(text(e.getValue(), "address")).orElse("");
            StaticConfig.EntryPoint ep = entryPoint(e.getKey(), address,
                    child(child(e.getValue(), "transport"), "lifeCycle"));
            if (isEnabled(child(e.getValue(), "http3")) && ep.protocol().equals("TCP")) {
                ep = new StaticConfig.EntryPoint(ep.name(), ep.port(), ep.protocol(),
                        ep.requestAcceptGraceTimeout(), ep.graceTimeOut(), true);
            }
            result.put(e.getKey(), ep);
        }
        return result;
    }

    private static StaticConfig.EntryPoint entryPoint(String name, String address, JsonNode lifeCycle) {
        String protocol = "TCP";
        String hostPort = address;
        int slash = address.lastIndexOf('/');
        if (slash >= 0) {
            protocol = address.substring(slash + 1).toUpperCase(Locale.ROOT);
            hostPort = address.substring(0, slash);
        }
        int colon = hostPort.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entryPoints." + name + ".address: no port in '" + address + "'");
        }
        Duration accept = duration(lifeCycle, "requestAcceptGraceTimeout", Duration.ZERO);
        Duration grace = duration(lifeCycle, "graceTimeOut", DEFAULT_GRACE_TIMEOUT);
        return new StaticConfig.EntryPoint(name, port, protocol, accept, grace);
    }

    private static Duration duration(JsonNode parent, String key, Duration defaultValue) {
        JsonNode node = child(parent, key);
        if (node.isMissingNode() || node.isNull()) {
            return defaultValue;
        }
        // Traefik reads a bare number as seconds, a string as a Go duration.
        Object raw = node.isNumber() ? (Object) node.numberValue() : node.asText();
        return GoDuration.fromJson(raw).value();
    }

    /** {@code ping: {}}, {@code ping: true} and {@code [ping]} enable a section; absence or false does not. */
    private static boolean isEnabled(JsonNode section) {
        return section.isObject() || (section.isBoolean() && section.booleanValue())
                || (section.isTextual() && section.asText().equalsIgnoreCase("true"));
    }

    private static String text(JsonNode parent, String key) {
        JsonNode node = child(parent, key);
        return node.isValueNode() ? node.asText() : null;
    }

    /** The child named {@code key}, case-insensitively, or a missing node. */
    static JsonNode child(JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode exact = parent.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : parent.properties()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
