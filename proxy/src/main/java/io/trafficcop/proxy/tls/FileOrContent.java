package io.trafficcop.proxy.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Traefik's {@code tls.FileOrContent}: a {@code certFile}, {@code keyFile} or {@code caFiles} value is a path when
 * a file exists there, and the PEM content itself otherwise (exactly Traefik's {@code IsPath}: {@code os.Stat}).
 */
public final class FileOrContent {

    private FileOrContent() {
    }

    /** Whether {@code value} names an existing file. */
    public static boolean isPath(String value) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0) {
            return false;
        }
        try {
            return Files.exists(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The file's bytes when {@code value} is a path, else {@code value} itself (UTF-8). */
    public static byte[] read(String value) {
        if (value == null) {
            return new byte[0];
        }
        if (isPath(value)) {
            try {
                return Files.readAllBytes(Path.of(value));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + value + ": " + e.getMessage(), e);
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A short name for logs and errors: the path, or the first characters of the content (never a key). */
    public static String describe(String value) {
        if (value == null) {
            return "<none>";
        }
        if (isPath(value)) {
            return value;
        }
        String flat = value.strip();
        return "inline content (" + flat.length() + " characters)";
    }
}
