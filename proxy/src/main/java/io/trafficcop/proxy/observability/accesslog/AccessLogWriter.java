package io.trafficcop.proxy.observability.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log entries from a background thread, so that event loops never wait on file I/O: entries are
 * queued, formatted and written by the writer thread, which flushes whenever the queue runs empty. Writing is
 * always asynchronous here, so {@code accessLog.bufferingSize} (Traefik's channel of pending lines) only raises the
 * queue's length above {@link #DEFAULT_QUEUE}. The output is {@code accessLog.filePath} (created with its
 * directories, appended to) or standard output.
 *
 * <p>Unlike Traefik, whose request goroutine blocks when its buffer is full, a full queue drops the entry (counted
 * and reported): blocking an event loop would stall every connection on it.
 */
public final class AccessLogWriter implements AutoCloseable {

    /** The shortest queue, whatever {@code bufferingSize} says (Traefik writes synchronously with 0). */
    public static final int DEFAULT_QUEUE = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
    private static final Map<String, Object> END = Map.of();
    private static final Map<String, Object> ROTATE = Map.of("rotate", true);

    private final AccessLogFormat format;
    private final BlockingQueue<Map<String, Object>> queue;
    private final Path file;
    private Writer out; // writer thread only, after construction
    private final boolean closeOut;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param filePath the file to append to; null or empty for standard output
     * @param bufferingSize entries kept in memory before the writer takes them (at least {@link #DEFAULT_QUEUE})
     * @throws UncheckedIOException when the file cannot be opened
     */
    public AccessLogWriter(String filePath, long bufferingSize, AccessLogFormat format) {
        if (bufferingSize < 0) {
            throw new IllegalArgumentException("invalid accessLog.bufferingSize " + bufferingSize
                    + ": must not be negative");
        }
        this.format = format;
        int capacity = (int) Math.max(DEFAULT_QUEUE, Math.min(bufferingSize, 1 << 24));
        this.queue = new LinkedBlockingQueue<>(capacity); // nodes as needed: a large bufferingSize reserves nothing
        if (filePath == null || filePath.isEmpty()) {
            this.file = null;
            this.out = new OutputStreamWriter(nonClosing(System.out), StandardCharsets.UTF_8);
            this.closeOut = false;
        } else {
            this.file = Path.of(filePath);
            this.out = new OutputStreamWriter(open(file), StandardCharsets.UTF_8);
            this.closeOut = true;
        }
        this.thread = Thread.ofPlatform().name("accesslog-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /** Queues an entry without waiting; drops it when the queue is full or the writer closed. */
    public void submit(Map<String, Object> fields) {
        if (closed || !queue.offer(fields)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1, 2, 4, 8...: reported, not flooding the log
                LOG.warn("access log: {} entries dropped so far, the writer cannot keep up (accessLog.bufferingSize)",
                        n);
            }
        }
    }

    /** Entries dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (true) {
            Map<String, Object> fields;
            try {
                fields = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (fields == END) {
                    out.flush();
                    return;
                }
                if (fields == ROTATE) {
                    reopen();
                    continue;
                }
                write(fields);
                if (queue.isEmpty()) {
                    out.flush();
                }
            } catch (IOException e) {
                // a full disk must not stop the log for good: report, keep taking entries
                LOG.error("access log: cannot write: {}", e.toString());
            }
        }
    }

    private void write(Map<String, Object> fields) throws IOException {
        String line;
        try {
            line = format.format(fields, ZonedDateTime.now());
        } catch (RuntimeException e) {
            LOG.error("access log: cannot format entry: {}", e.toString());
            return;
        }
        out.write(line);
    }

    /**
     * Closes and reopens the file after the entries queued so far (Traefik's rotation on SIGUSR1, for an external
     * logrotate that moved the file away); nothing for standard output.
     */
    public void rotate() {
        if (file != null && !closed) {
            try {
                queue.put(ROTATE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reopen() throws IOException {
        out.close();
        try {
            out = new OutputStreamWriter(open(file), StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            LOG.error("access log: cannot reopen {}: {}", file, e.getMessage());
            out = new OutputStreamWriter(java.io.OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closeOut) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("access log: cannot close: {}", e.toString());
            }
        }
    }

    private static OutputStream open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("error opening access log file " + file + ": " + e.getMessage(), e);
        }
    }

    private static OutputStream nonClosing(OutputStream s) {
        return new java.io.FilterOutputStream(s) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
