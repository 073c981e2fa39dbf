package dev.custodian.server.commit.check;

import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexedInstance;

/** {@code Index} (Orthanc's check): committed when the index has the instance with the requested SOP class. */
final class IndexCheck extends BuiltInCheck {
    IndexCheck(Index index) {
        super(index);
    }

    @Override
    public String name() {
        return "Index";
    }

    @Override
    Verdict checkFile(IndexedInstance instance) {
        return Verdict.COMMITTED;
    }
}
