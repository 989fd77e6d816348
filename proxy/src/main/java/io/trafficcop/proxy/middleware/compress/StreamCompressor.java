package io.trafficcop.proxy.middleware.compress;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses one response body chunk by chunk: every chunk comes out flushed (a sync flush for gzip, a flush
 * operation for brotli and zstd), so a streamed response reaches the client as it is produced. Levels as Traefik's
 * writers: gzip's default, brotli quality 6, zstd's default (3).
 */
final class StreamCompressor implements AutoCloseable {

    static final String GZIP = "gzip";
    static final String BROTLI = "br";
    static final String ZSTD = "zstd";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(8192);
    private final OutputStream out;
    private boolean closed;

    StreamCompressor(String encoding) {
        try {
            out = switch (encoding) {
                case GZIP -> new GZIPOutputStream(sink, 8192, true);
                case BROTLI -> {
                    Brotli4jLoader.ensureAvailability();
                    yield new BrotliOutputStream(sink, new Encoder.Parameters().setQuality(6));
                }
                case ZSTD -> new ZstdOutputStreamNoFinalizer(sink, 3);
                default -> throw new IllegalArgumentException("unsupported encoding: " + encoding);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compresses {@code data} and returns what is ready to send (flushed). */
    byte[] compress(byte[] data) {
        try {
            out.write(data);
            out.flush();
            return drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the stream and returns its last bytes. */
    byte[] finish(byte[] data) {
        try {
            if (data.length > 0) {
                out.write(data);
            }
            closed = true;
            out.close();
            return drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] drain() {
        byte[] bytes = sink.toByteArray();
        sink.reset();
        return bytes;
    }

    /** Frees the native encoder when the response ended early. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException | RuntimeException ignored) {
                // the response is gone anyway
            }
        }
    }
}
