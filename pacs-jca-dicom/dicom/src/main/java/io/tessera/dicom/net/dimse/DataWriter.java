package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.PDataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Writes the data set of a DIMSE message in the transfer syntax of its presentation context. */
@FunctionalInterface
public interface DataWriter {

    void writeTo(PDataOutputStream out, String transferSyntax) throws IOException;

    /** A data set held in memory, encoded in the context's transfer syntax. */
    static DataWriter of(Attributes dataSet) {
        return (out, ts) -> {
            // the PDU is the buffer: this one only gathers element headers and short values for it (a value of 128
            // bytes or more goes to the PDU without a copy here), and a C-FIND allocates one per match
            DicomOutputStream dos = new DicomOutputStream(out, TransferSyntax.of(ts), 128);
            dos.writeDataset(dataSet);
            dos.flush();
        };
    }

    /** Bytes already encoded in the context's transfer syntax (e.g. a file after its meta header), streamed. */
    static DataWriter of(InputStream encoded) {
        return (out, ts) -> out.transferFrom(encoded);
    }
}
