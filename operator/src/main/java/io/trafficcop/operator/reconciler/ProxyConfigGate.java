package io.trafficcop.operator.reconciler;

import io.trafficcop.operator.model.Defaults;
import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.proxy.config.validate.ConfigValidator;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gate the operator runs in production: TrafficCop's {@code --validate}, used as a library, on the
 * configuration laid out as the pods will see it. The files are written to a scratch directory — the static file,
 * and the dynamic files in a directory the static file's {@code providers.file.directory} is pointed at — and
 * validated together, so that the dynamic files are merged as the file provider merges them (a router in one file
 * may use a middleware of another). Problems are reported under the names the user knows.
 */
public final class ProxyConfigGate implements ConfigGate {

    @Override
    public ValidationReport check(ProxyConfiguration configuration) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("trafficcop-gate-");
            Path dynamicDir = Files.createDirectory(scratch.resolve("dynamic"));
            for (Map.Entry<String, String> file : configuration.dynamicFiles().entrySet()) {
                Files.writeString(dynamicDir.resolve(safeName(file.getKey())), file.getValue());
            }
            Path staticFile = scratch.resolve(safeName(configuration.staticFileName()));
            // Same text, same line numbers: only the mount point is swapped for the scratch directory.
            Files.writeString(staticFile, configuration.staticContent()
                    .replace(Defaults.DYNAMIC_DIR, dynamicDir.toString()));
            ValidationReport report;
            try {
                report = ConfigValidator.validate(staticFile);
            } catch (RuntimeException e) {
                // A validator that cannot decide is a refusal: an unvalidated configuration never rolls out.
                report = new ValidationReport(List.of(new Problem(staticFile.toString(), 0, "",
                        "the validator failed: " + e)), List.of());
            }
            Layout layout = new Layout(staticFile, configuration.staticFileName(), dynamicDir);
            return new ValidationReport(layout.relabel(report.errors()), layout.relabel(report.warnings()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the configuration for validation", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Maps the scratch paths in problems back to the ConfigMap keys and mount paths the user knows. */
    record Layout(Path staticFile, String staticName, Path dynamicDir) {

        List<Problem> relabel(List<Problem> problems) {
            return problems.stream().map(this::relabel).toList();
        }

        Problem relabel(Problem p) {
            String file = p.file();
            if (file.equals(staticFile.toString())) {
                file = staticName;
            } else if (file.startsWith(dynamicDir + "/")) {
                file = file.substring(dynamicDir.toString().length() + 1);
            } else {
                file = file.replace(dynamicDir.toString(), Defaults.DYNAMIC_DIR);
            }
            return new Problem(file, p.line(), p.path(), p.message()
                    .replace(dynamicDir.toString(), Defaults.DYNAMIC_DIR)
                    .replace(staticFile.toString(), staticName));
        }
    }

    /** ConfigMap keys are [-._a-zA-Z0-9]+ already; this only guards against a path escaping the scratch dir. */
    private static String safeName(String key) {
        String name = Path.of(key).getFileName().toString();
        if (name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("invalid file name " + key);
        }
        return name;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
