package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import java.io.IOException;

/** Zero bytes after the last element of a data set, as some devices write them: accepted, nothing else is. */
final class TrailingPadding {
    private TrailingPadding() {
    }

    static void consume(DicomInput in, long start) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.readUpTo(buf, 0, buf.length)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != 0) {
                    throw new DicomFormatException("unexpected data after zero padding that starts at " + start,
                            in.position() - n + i, -1);
                }
            }
        }
    }
}
