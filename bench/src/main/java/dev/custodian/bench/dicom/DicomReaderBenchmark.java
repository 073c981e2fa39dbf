package dev.custodian.bench.dicom;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.Part10Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Our Part 10 reader on a 0.5 MiB CT instance ({@link CtInstance}), from memory, so the numbers
 * are the codec's and not the disk's:
 * <ul>
 *   <li>{@code headerOnly}: what ingest needs for the index — stop before Pixel Data (7FE0,0010);</li>
 *   <li>{@code fullDiscardingPixels}: the whole file, Pixel Data streamed to a discarding sink;</li>
 *   <li>{@code fullInMemory}: the whole file, Pixel Data read into memory.</li>
 * </ul>
 * Throughput in MB/s is ops/s times the file size (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DicomReaderBenchmark {

    private byte[] file;
    private Part10Reader headerReader;
    private Part10Reader discardingReader;
    private Part10Reader inMemoryReader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = CtInstance.partTen();
        headerReader = new Part10Reader(DicomReaderOptions.DEFAULT
                .withStopBefore(DicomReaderOptions.atOrAfter(Tag.PixelData)));
        discardingReader = new Part10Reader(DicomReaderOptions.DEFAULT
                .withBulkDataSink(BulkDataSink.discarding(), 64 * 1024));
        inMemoryReader = new Part10Reader();
        DataSet header = headerReader.read(new ByteArrayInputStream(file)).dataSet();
        if (header.contains(Tag.PixelData) || !header.contains(Tag.RescaleType)) {
            throw new IllegalStateException("header-only read did not stop right before Pixel Data");
        }
    }

    @Benchmark
    public DataSet headerOnly() throws IOException {
        return headerReader.read(new ByteArrayInputStream(file)).dataSet();
    }

    @Benchmark
    public DataSet fullDiscardingPixels() throws IOException {
        return discardingReader.read(new ByteArrayInputStream(file)).dataSet();
    }

    @Benchmark
    public DataSet fullInMemory() throws IOException {
        return inMemoryReader.read(new ByteArrayInputStream(file)).dataSet();
    }

    /** Size of the benchmarked file, for converting ops/s to MB/s. */
    public int fileSize() {
        return file.length;
    }
}
