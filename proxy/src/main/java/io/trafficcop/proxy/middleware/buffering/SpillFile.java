package io.trafficcop.proxy.middleware.buffering;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a buffered body beyond {@code memRequestBodyBytes} (buffering), kept in a temporary file as oxy's
 * multibuf does. Chunks are appended as they arrive (a few tens of KiB each, so a write does not hold the event
 * loop long); the whole file is then read back as memory-mapped buffers, which the kernel pages in from disk as the
 * body is forwarded instead of the body living on the heap. {@link #close()} deletes the file; it is idempotent so
 * that the end of the exchange, an error and a refused body may all call it.
 */
final class SpillFile implements AutoCloseable {

    /** How much of the file one forwarded chunk maps. */
    static final int MAPPED_CHUNK = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private long size;
    private boolean closed;

    private SpillFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A new empty temporary file in {@code directory}. */
    static SpillFile create(Path directory) {
        try {
            Path path = Files.createTempFile(directory, "trafficcop-buffering-", ".body");
            try {
                return new SpillFile(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("buffering: cannot create a temporary file in " + directory, e);
        }
    }

    /** Appends the readable bytes of {@code data} (its reader index is left unchanged; not released here). */
    void write(ByteBuf data) {
        try {
            for (ByteBuffer nio : data.nioBuffers()) {
                while (nio.hasRemaining()) {
                    size += channel.write(nio, size);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("buffering: cannot write " + path, e);
        }
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    /** The whole content as read-only buffers of at most {@link #MAPPED_CHUNK} bytes (released by the caller). */
    List<ByteBuf> mapped() {
        try {
            List<ByteBuf> chunks = new ArrayList<>((int) (size / MAPPED_CHUNK) + 1);
            for (long offset = 0; offset < size; offset += MAPPED_CHUNK) {
                long length = Math.min(MAPPED_CHUNK, size - offset);
                chunks.add(Unpooled.wrappedBuffer(channel.map(FileChannel.MapMode.READ_ONLY, offset, length)));
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException("buffering: cannot read back " + path, e);
        }
    }

    /** Closes and deletes the file (mapped buffers stay readable until they are released and collected). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting it below is what matters
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover in the temporary directory is all that is lost
        }
    }
}
