package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DataPipeTest {
    @Test
    void passesFragmentsInOrderAcrossThreads() throws Exception {
        byte[] data = new byte[1_000_000];
        new Random(1).nextBytes(data);
        DataPipe pipe = new DataPipe(2, 5_000);
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int off = 0; off < data.length; off += 16_000) {
            int n = Math.min(16_000, data.length - off);
            pipe.onData(data, off, n, off + n == data.length);
        }
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(data);
    }

    @Test
    void fullPipeHoldsTheWriterBack() throws Exception {
        DataPipe pipe = new DataPipe(1, 200);
        pipe.onData(new byte[] {1}, 0, 1, false);
        // Nobody reads: the second fragment cannot be placed, the writer gives up after the timeout.
        assertThatThrownBy(() -> pipe.onData(new byte[] {2}, 0, 1, false)).isInstanceOf(IOException.class)
                .hasMessageContaining("not consumed");
    }

    @Test
    void emptyDataSetEndsAtOnce() throws Exception {
        DataPipe pipe = new DataPipe(2, 1_000);
        pipe.onData(new byte[0], 0, 0, true);
        assertThat(pipe.read()).isEqualTo(-1);
        assertThat(pipe.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    @Test
    void associationEndingMidwayFailsTheReader() throws Exception {
        DataPipe pipe = new DataPipe(4, 1_000);
        pipe.onData(new byte[] {1, 2}, 0, 2, false);
        pipe.fail(new IOException("A-ABORT"));
        assertThatThrownBy(pipe::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("A-ABORT");
    }

    @Test
    void silentWriterTimesTheReaderOut() {
        DataPipe pipe = new DataPipe(4, 100);
        assertThatThrownBy(pipe::read).isInstanceOf(IOException.class).hasMessageContaining("No data set fragment");
    }
}
