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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    /**
     * How long file events must pause before the files are read. One save is a burst of events microseconds apart
     * (truncate and write, an editor's write and rename, the kubelet's symlink swap); a read that still sees a
     * half-written file fails to parse and keeps the last good configuration until the next event. Traefik reads on
     * the first event; 15 ms folds a burst into one read and delays a reload by no more than that.
     */
    private static final long SETTLE_MILLIS = 15;

    private final Path filename;
    private final Path directory;
    private final boolean watch;
    private final Class<?> dynamicRoot;
    private final Map<String, String> environment;
    private final List<CheckedDocument> inline;
    private volatile WatchService watchService;
    private volatile Thread watcherThread;
    private Map<Path, FileContent> lastContents;

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
        return read(contents()).configuration();
    }

    /** A read of every file: the merged configuration, and whether every file parsed. */
    private record Read(ProviderConfiguration configuration, List<Problem> unparsable) {
    }

    /** Parses, checks and merges the files' contents. */
    private Read read(Map<Path, FileContent> contents) {
        ConfigurationMerger merger = new ConfigurationMerger();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<CheckedDocument> documents = new ArrayList<>(inline);
        List<Problem> unparsable = new ArrayList<>();
        contents.forEach((file, content) -> {
            if (content.text() == null) {
                Problem unreadable = new Problem(file.toString(), 0, filename != null ? "providers.file.filename" : "",
                        content.problem());
                errors.add(unreadable);
                unparsable.add(unreadable);
            } else {
                documents.add(CheckedDocument.parse(file.toString(), content.text(), dynamicRoot, environment));
            }
        });
        for (CheckedDocument document : documents) {
            if (!document.parsed()) {
                unparsable.addAll(document.errors());
            }
            errors.addAll(document.errors());
            warnings.addAll(document.warnings());
            merger.add(document);
        }
        if (directory != null && !Files.isDirectory(directory)) {
            errors.add(new Problem(directory.toString(), 0, "providers.file.directory", "no such directory"));
        }
        errors.addAll(merger.errors());
        return new Read(new ProviderConfiguration(name(), merger.merged(), errors, warnings, merger.locations(),
                merger.brokenElements()), unparsable);
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
        Map<Path, FileContent> contents = contents();
        if (contents.equals(lastContents)) {
            return;
        }
        lastContents = contents;
        Read read = read(contents);
        if (!read.unparsable().isEmpty()) {
            // as Traefik: a file that does not parse leaves the last good configuration in force
            read.unparsable().forEach(problem -> LOG.error("{} (keeping the last good configuration)", problem));
            return;
        }
        publish.accept(read.configuration());
    }

    /** A file's text, or why it could not be read. */
    private record FileContent(String text, String problem) {
    }

    /** Every file's content, read once per change: what the configuration depends on. */
    private Map<Path, FileContent> contents() {
        Map<Path, FileContent> contents = new LinkedHashMap<>();
        for (Path file : files()) {
            try {
                contents.put(file, new FileContent(Files.readString(file), null));
            } catch (NoSuchFileException e) {
                contents.put(file, new FileContent(null, "no such file"));
            } catch (IOException e) {
                contents.put(file, new FileContent(null, "cannot read the file: " + e.getMessage()));
            }
        }
        return contents;
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
                do {
                    // an edit arrives as several events (truncate, write, rename): wait until they settle
                    key.pollEvents();
                    if (!key.reset()) {
                        registered.remove((Path) key.watchable());
                    }
                    key = watchService.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
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
