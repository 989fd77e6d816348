package io.trafficcop.proxy.middleware.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user list of basicAuth and digestAuth ({@code users} and {@code usersFile}): the file's lines (trimmed,
 * blank lines and {@code #} comments skipped) followed by the inline users, so an inline user overrides the same
 * user in the file — Traefik's {@code getUsers}.
 */
public final class AuthUsers {

    /** Splits one line into its key and secret; throws IllegalArgumentException for a malformed line. */
    @FunctionalInterface
    public interface LineParser {
        Map.Entry<String, String> parse(String line);
    }

    private AuthUsers() {
    }

    /**
     * @param option  the middleware's config path, for error messages (e.g. "basicAuth")
     * @throws IllegalArgumentException when the file cannot be read or a line is malformed
     */
    public static Map<String, String> load(String option, String usersFile, List<String> users, LineParser parser) {
        List<String> lines = new ArrayList<>();
        if (usersFile != null && !usersFile.isEmpty()) {
            try {
                for (String raw : Files.readString(Path.of(usersFile), StandardCharsets.UTF_8).split("\n", -1)) {
                    String line = raw.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(option + ".usersFile: cannot read \"" + usersFile + "\": " + e, e);
            }
        }
        if (users != null) {
            lines.addAll(users);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : lines) {
            Map.Entry<String, String> entry = parser.parse(line);
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
