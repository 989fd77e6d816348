package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in configuration values from the environment (the
 * seed's configuration form; Traefik itself has no such syntax).
 *
 * <p>Only variables that are set are replaced (or that have a default): Traefik's own values use
 * {@code ${1}} and {@code ${name}} for regular-expression group references (redirectRegex,
 * replacePathRegex), and those must reach the middleware untouched. {@code $${VAR}} stands for a literal
 * {@code ${VAR}}.
 */
public final class EnvironmentExpansion {

    private EnvironmentExpansion() {
    }

    /** Expands every string value of the tree in place. */
    public static void expand(ObjectNode root, Map<String, String> environment) {
        expandNode(root, environment);
    }

    private static JsonNode expandNode(JsonNode node, Map<String, String> environment) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> entry.setValue(expandNode(entry.getValue(), environment)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, expandNode(array.get(i), environment));
            }
            return array;
        }
        if (node.isTextual() && node.textValue().indexOf('$') >= 0) {
            return JsonNodeFactory.instance.textNode(expand(node.textValue(), environment));
        }
        return node;
    }

    /** Expands one value. */
    public static String expand(String value, Map<String, String> environment) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && value.startsWith("$${", i)) {
                int end = value.indexOf('}', i + 3);
                if (end > 0 && isVariableName(nameOf(value.substring(i + 3, end)))) {
                    out.append(value, i + 1, end + 1);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '$' && value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end > 0) {
                    String expression = value.substring(i + 2, end);
                    String replacement = resolve(expression, environment);
                    if (replacement != null) {
                        out.append(replacement);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String resolve(String expression, Map<String, String> environment) {
        String name = nameOf(expression);
        if (!isVariableName(name)) {
            return null;
        }
        String value = environment.get(name);
        int defaultAt = expression.indexOf(":-");
        if (defaultAt >= 0) {
            return value == null || value.isEmpty() ? expression.substring(defaultAt + 2) : value;
        }
        return value;
    }

    private static String nameOf(String expression) {
        int defaultAt = expression.indexOf(":-");
        return defaultAt >= 0 ? expression.substring(0, defaultAt) : expression;
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
