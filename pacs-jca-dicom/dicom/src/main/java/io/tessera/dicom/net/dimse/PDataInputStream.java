package io.tessera.dicom.net.dimse;

import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.AssociationAbortedException;
import io.tessera.dicom.net.pdu.AAbort;
import io.tessera.dicom.net.pdu.PduFormatException;
import io.tessera.dicom.net.pdu.Pdv;
import java.io.IOException;
import java.io.InputStream;

/**
 * The data set of one DIMSE message as a stream: reads the data PDVs of one presentation context straight from
 * the association as they arrive (PS3.8 Annex E), up to the fragment with the "last" bit. Nothing is buffered
 * beyond the PDU being read, so a 1 GB object streams through in constant memory.
 */
final class PDataInputStream extends InputStream {
    private final Association association;
    private final int pcid;
    private Pdv pdv;
    private int pos;
    private boolean last;
    private PduFormatException failure;

    PDataInputStream(Association association, int pcid) {
        this.association = association;
        this.pcid = pcid;
    }

    /** Starts with an already received first fragment (the reader had to look at it). */
    private void accept(Pdv next) throws PduFormatException {
        if (next.command() || next.presentationContextId() != pcid) {
            // PS3.8 Annex E: the fragments of one data set follow each other on its context; anything else is a
            // protocol error that ends the association, remembered so that drain() reports it again
            failure = new PduFormatException(AAbort.UNEXPECTED_PDU_PARAMETER, 10, next.command()
                    ? "command fragment on presentation context " + next.presentationContextId()
                    + " while a data set was still arriving on context " + pcid
                    : "data fragment on presentation context " + next.presentationContextId()
                    + " inside a data set sent on context " + pcid);
            throw failure;
        }
        pdv = next;
        pos = 0;
        last = next.last();
    }

    /** False when the current fragment is used up; fetches the next one unless the last was seen. */
    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (pdv == null || pos == pdv.length()) {
            if (last) {
                return false;
            }
            Pdv next = association.nextPdv();
            if (next == null) {
                Throwable cause = association.closeCause();
                throw new AssociationAbortedException("association ended inside a data set: "
                        + (cause == null ? association.toString() : cause.getMessage()), cause);
            }
            accept(next);
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pdv.buffer()[pdv.offset() + pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, pdv.length() - pos);
        System.arraycopy(pdv.buffer(), pdv.offset() + pos, b, off, n);
        pos += n;
        return n;
    }

    /** Skips without copying: a handler that discards (or has what it needs) costs no memory traffic. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fill()) {
            int k = (int) Math.min(n - skipped, pdv.length() - pos);
            pos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return pdv == null ? 0 : pdv.length() - pos;
    }

    /** True when the last fragment has been read to its end. */
    boolean finished() {
        return last && (pdv == null || pos == pdv.length());
    }

    /** Reads and discards whatever is left of the data set, so the next message can be read. */
    void drain() throws IOException {
        while (fill()) {
            pos = pdv.length();
        }
    }

    @Override
    public void close() {
        // the association owns the transport; the rest of the data set is drained by the provider
    }
}
