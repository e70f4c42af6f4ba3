package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.Pdu;
import io.tessera.dicom.net.pdu.Pdv;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one command or one data set as P-DATA-TF PDUs of one PDV each, fragmented to the peer's maximum length
 * (PS3.8 §9.3.5, Annex E); {@link #close()} sends the last fragment with the "last" bit set. Each PDU leaves in one
 * write. The caller holds the association's send lock for the whole message (see {@link Association#sendLock()}).
 */
public final class PDataOutputStream extends OutputStream {
    private static final int HEADER = 12; // PDU header (6) + PDV item length and pc id and control header (6)

    private final Association association;
    private final int pcid;
    private final int control;
    private final int capacity;
    private byte[] buf;
    private int pos = HEADER;
    private boolean closed;
    private boolean holdLast;

    /** @param lent the association's PDU buffer of the previous message, or null: a new one */
    PDataOutputStream(Association association, int pcid, boolean command, int maxPduLength, byte[] lent) {
        this.association = association;
        this.pcid = pcid;
        this.control = command ? Pdv.COMMAND : 0;
        this.capacity = 6 + maxPduLength;
        // starts small and grows to the PDU size: a command set should not cost a 32 KB allocation
        this.buf = lent != null && lent.length <= capacity ? lent : new byte[Math.min(capacity, 1024)];
    }

    /**
     * The last PDU is written without flushing the socket (Association.writeRawHeld): the next message's PDUs or the
     * next flush take it along. The caller holds the association's send lock until then.
     */
    public void holdLastPdu() {
        holdLast = true;
    }

    /** Room for more in this PDU: grows the buffer while below the PDU size, else sends the PDU. */
    private void makeRoom() throws IOException {
        if (buf.length < capacity) {
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(capacity, buf.length * 4L));
        } else {
            flushPdu(false);
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (pos == buf.length) {
            makeRoom();
        }
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == buf.length) {
                makeRoom();
            }
            int n = Math.min(len, buf.length - pos);
            System.arraycopy(b, off, buf, pos, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Copies {@code in} to the end, filling each PDU straight from the stream (no intermediate buffer). */
    public long transferFrom(java.io.InputStream in) throws IOException {
        long total = 0;
        for (;;) {
            if (pos == buf.length) {
                makeRoom();
            }
            int n = in.read(buf, pos, buf.length - pos);
            if (n < 0) {
                return total;
            }
            pos += n;
            total += n;
        }
    }

    private void flushPdu(boolean last) throws IOException {
        int dataLength = pos - HEADER;
        int pduLength = dataLength + 6;
        int itemLength = dataLength + 2;
        buf[0] = Pdu.P_DATA_TF;
        buf[1] = 0;
        putInt(2, pduLength);
        putInt(6, itemLength);
        buf[10] = (byte) pcid;
        buf[11] = (byte) (control | (last ? Pdv.LAST : 0));
        if (last && holdLast) {
            association.writeRawHeld(buf, 0, pos);
        } else {
            association.writeRaw(buf, 0, pos);
        }
        pos = HEADER;
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            flushPdu(true);
            association.returnPduBuffer(buf); // written out (or copied to the socket's buffer): the next may use it
        }
    }
}
