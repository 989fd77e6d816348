package io.trafficcop.proxy.provider.file;

import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.load.ConfigFormat;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.provider.ConfigurationMerger;
import io.trafficcop.proxy.provider.Provider;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import io.trafficcop.proxy.provider.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's file provider ({@code providers.file}): dynamic configuration from one file
 * ({@code filename}) or every {@code .yml}, {@code .yaml} and {@code .toml} file below a directory
 * ({@code directory}, recursively), re-read on change when {@code watch} is on.
 *
 * <p>Changes are noticed however they happen: an edit in place, an editor's atomic rename, or a
 * Kubernetes ConfigMap update, where the mounted names are symlinks through {@code ..data} and the
 * kubelet swaps {@code ..data} to a new timestamped directory. Every event in a watched directory leads to
 * a re-read, and a configuration is published only when the content actually changed. Entries whose name
 * starts with {@code ..} (the kubelet's own) are not read, so that each file is read once, through its
 * stable name.
 */
public final class FileProvider implements Provider {

    private static final Logger LOG = LoggerFactory.getLogger(FileProvider.class);

    private final Path filename;
    private final Path directory;
    private final boolean watch;
    private final Class<?> dynamicRoot;
    private final Map<String, String> environment;
    private final List<CheckedDocument> inline;
    private volatile WatchService watchService;
    private volatile Thread watcherThread;
    private List<String> lastFingerprint;

    /**
     * @param filename the file, or null
     * @param directory the directory, or null (exactly one of the two)
     * @param dynamicRoot the dynamic configuration's root record type
     */
    public FileProvider(Path filename, Path directory, boolean watch, Class<?> dynamicRoot,
            Map<String, String> environment) {
        this(filename, directory, watch, dynamicRoot, environment, List.of());
    }

    /**
     * @param inline dynamic sections written in the static configuration file (TrafficCop's single-file
     *     form), served as part of this provider's configuration; with them, filename and directory may
     *     both be null
     */
    public FileProvider(Path filename, Path directory, boolean watch, Class<?> dynamicRoot,
            Map<String, String> environment, List<CheckedDocument> inline) {
        this.inline = List.copyOf(inline);
        this.filename = filename;
        this.directory = directory;
        this.watch = watch;
        this.dynamicRoot = dynamicRoot;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public void start(Consumer<ProviderConfiguration> publish) throws ProviderException {
        if (filename == null && directory == null && inline.isEmpty()) {
            throw new ProviderException("providers.file: neither filename nor directory is defined");
        }
        if (filename != null && ConfigFormat.ofFileName(filename.toString()).isEmpty()) {
            throw new ProviderException("providers.file.filename: unsupported file extension for file " + filename
                    + ": use .yml, .yaml or .toml");
        }
        if (watch && (filename != null || directory != null)) {
            startWatching(publish);
        }
        publishIfChanged(publish);
    }

    /** Reads the configuration now, whatever changed. */
    public ProviderConfiguration load() {
        List<Path> files = files();
        ConfigurationMerger merger = new ConfigurationMerger();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<CheckedDocument> documents = new ArrayList<>(inline);
        for (Path file : files) {
            documents.add(CheckedDocument.read(file, dynamicRoot, environment));
        }
        for (CheckedDocument document : documents) {
            errors.addAll(document.errors());
            warnings.addAll(document.warnings());
            merger.add(document);
        }
        if (directory != null && !Files.isDirectory(directory)) {
            errors.add(new Problem(directory.toString(), 0, "providers.file.directory", "no such directory"));
        }
        errors.addAll(merger.errors());
        return new ProviderConfiguration(name(), merger.merged(), errors, warnings, merger.locations());
    }

    /** The files to read, in a stable order. */
    List<Path> files() {
        if (filename != null) {
            return List.of(filename);
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> !isKubeletEntry(directory.relativize(path)))
                    .filter(Files::isRegularFile)
                    .filter(path -> ConfigFormat.ofFileName(path.getFileName().toString()).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.error("providers.file: cannot list {}: {}", directory, e.getMessage());
            return List.of();
        }
    }

    private static boolean isKubeletEntry(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith("..")) {
                return true;
            }
        }
        return false;
    }

    private synchronized void publishIfChanged(Consumer<ProviderConfiguration> publish) {
        List<String> fingerprint = fingerprint();
        if (fingerprint.equals(lastFingerprint)) {
            return;
        }
        lastFingerprint = fingerprint;
        publish.accept(load());
    }

    /** What the configuration depends on: each file's name and content. */
    private List<String> fingerprint() {
        List<String> parts = new ArrayList<>();
        for (Path file : files()) {
            parts.add(file.toString());
            try {
                parts.add(Files.readString(file));
            } catch (IOException e) {
                parts.add("unreadable: " + e.getMessage());
            }
        }
        if (filename != null && !Files.exists(filename)) {
            parts.add("missing");
        }
        return parts;
    }

    private void startWatching(Consumer<ProviderConfiguration> publish) throws ProviderException {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerDirectories();
        } catch (IOException e) {
            throw new ProviderException("providers.file: cannot watch: " + e.getMessage(), e);
        }
        Thread thread = new Thread(() -> watchLoop(publish), "file-provider-watch");
        thread.setDaemon(true);
        watcherThread = thread;
        thread.start();
    }

    private final Set<Path> registered = new HashSet<>();

    private void registerDirectories() throws IOException {
        List<Path> directories = new ArrayList<>();
        if (filename != null) {
            Path parent = filename.toAbsolutePath().getParent();
            directories.add(parent);
        } else if (Files.isDirectory(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(Files::isDirectory).forEach(directories::add);
            }
        }
        for (Path dir : directories) {
            if (Files.isDirectory(dir) && registered.add(dir)) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
            }
        }
    }

    private void watchLoop(Consumer<ProviderConfiguration> publish) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                key.pollEvents();
                if (!key.reset()) {
                    registered.remove((Path) key.watchable());
                }
                try {
                    registerDirectories();
                    publishIfChanged(publish);
                } catch (IOException | RuntimeException e) {
                    LOG.error("providers.file: error while reloading: {}", e.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Thread thread = watcherThread;
        if (thread != null) {
            thread.interrupt();
        }
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the file watcher: {}", e.toString());
            }
        }
    }
}
