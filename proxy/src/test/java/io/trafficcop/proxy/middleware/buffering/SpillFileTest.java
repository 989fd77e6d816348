package io.trafficcop.proxy.middleware.buffering;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpillFileTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} bytes in chunks of {1}")
    @CsvSource({"0,10,0", "1,1,1", "65536,16384,1", "1048576,65536,1", "1048577,65536,2", "3000000,40000,3"})
    void readsBackWhatWasWrittenThenDeletesTheFile(int size, int chunk, int mappedChunks) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        SpillFile spill = SpillFile.create(directory);
        for (int offset = 0; offset < size; offset += chunk) {
            ByteBuf buf = Unpooled.wrappedBuffer(data, offset, Math.min(chunk, size - offset));
            spill.write(buf);
            assertThat(buf.readerIndex()).isZero();
            buf.release();
        }
        assertThat(spill.size()).isEqualTo(size);
        assertThat(Files.size(spill.path())).isEqualTo(size);

        List<ByteBuf> mapped = spill.mapped();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (ByteBuf buf : mapped) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            back.write(bytes);
            buf.release();
        }
        assertThat(mapped).hasSize(mappedChunks);
        assertThat(back.toByteArray()).isEqualTo(data);

        spill.close();
        spill.close(); // idempotent
        assertThat(directory).isEmptyDirectory();
    }
}
