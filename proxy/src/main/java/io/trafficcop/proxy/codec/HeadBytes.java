package io.trafficcop.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.PlatformDependent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * One HTTP/1.1 message head (its start line, or its header block) gathered in the event loop's own array, then copied
 * into the outgoing buffer at once. Netty's encoder writes every name and value into the buffer separately, and for its
 * adaptive allocator's buffers each {@link AsciiString} goes through a duplicated NIO buffer and a bounds-checked
 * {@code put}: 7.6 % of the event loop's time in the HTTP/1.1 benchmark (bench/RESULTS.md). A character up to 0xFF is
 * written as its byte, so what the decoders read is written back unchanged; a text with a character above 0xFF is
 * written as UTF-8 (Netty wrote '?' for such a character).
 */
final class HeadBytes {

    private static final FastThreadLocal<HeadBytes> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected HeadBytes initialValue() {
            return new HeadBytes();
        }
    };

    /** Netty may know a buffer's address without being allowed Unsafe (a JDK that denies it): then the buffer copies. */
    private static final boolean UNSAFE_COPY = PlatformDependent.hasUnsafe();

    private static final byte SP = ' ';
    private static final byte COLON = ':';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private static final int USUAL_SIZE = 1024;
    private static final int KEPT_SIZE = 64 * 1024;

    private byte[] bytes = new byte[USUAL_SIZE];
    private int length;

    private HeadBytes() {
    }

    /** This thread's (emptied) array; not reentrant: one head at a time, from {@code start} to {@link #writeTo}. */
    static HeadBytes start() {
        HeadBytes head = PER_THREAD.get();
        head.length = 0;
        if (head.bytes.length > KEPT_SIZE) {
            head.bytes = new byte[USUAL_SIZE]; // one outsized head does not stay with the thread
        }
        return head;
    }

    HeadBytes text(CharSequence text) {
        if (text instanceof AsciiString ascii) {
            int n = ascii.length();
            ensure(n);
            System.arraycopy(ascii.array(), ascii.arrayOffset(), bytes, length, n);
            length += n;
            return this;
        }
        int n = text.length();
        ensure(n);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return utf8(text); // written over what this loop wrote: length is still at
            }
            b[at + i] = (byte) c;
        }
        length = at + n;
        return this;
    }

    /**
     * A text with a character above 0xFF never came from the wire (the decoders read a byte as a character up to
     * 0xFF): configuration made it (a headers middleware's value, say), and Traefik writes Go's UTF-8 string as is.
     */
    private HeadBytes utf8(CharSequence text) {
        byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    HeadBytes space() {
        ensure(1);
        bytes[length++] = SP;
        return this;
    }

    HeadBytes crlf() {
        ensure(2);
        bytes[length++] = CR;
        bytes[length++] = LF;
        return this;
    }

    /** Every header as {@code name: value CRLF}, in the order they are held. */
    HeadBytes headers(HttpHeaders headers) {
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = entries.next();
            text(header.getKey());
            ensure(2);
            bytes[length++] = COLON;
            bytes[length++] = SP;
            text(header.getValue());
            crlf();
        }
        return this;
    }

    /** Appends what was gathered to {@code buf} (at its writer index, which moves past it). */
    void writeTo(ByteBuf buf) {
        int n = length;
        buf.ensureWritable(n);
        int at = buf.writerIndex();
        if (UNSAFE_COPY && buf.hasMemoryAddress()) {
            PlatformDependent.copyMemory(bytes, 0, buf.memoryAddress() + at, n);
        } else {
            buf.setBytes(at, bytes, 0, n);
        }
        buf.writerIndex(at + n);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
