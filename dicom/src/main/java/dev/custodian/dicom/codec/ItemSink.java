package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataSet;
import java.io.IOException;

/**
 * Receives the items of one top-level sequence as the reader finishes each (see
 * {@link DicomReader#streamItems}), so that a data set of many items (a Storage Commitment
 * request's Referenced SOP Sequence, PS3.4 §J.3.2.1.1) is never held whole. The reader keeps
 * none of them: the sequence appears in the data set without items.
 */
@FunctionalInterface
public interface ItemSink {
    /**
     * @param dataSet the data set holding the sequence, as read so far (the elements before it)
     * @param item    the item just read, complete
     * @throws IOException to stop reading; it propagates from {@link DicomReader#readDataSet()}
     */
    void item(DataSet dataSet, DataSet item) throws IOException;
}
