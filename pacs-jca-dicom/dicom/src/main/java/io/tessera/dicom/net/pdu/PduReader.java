package io.tessera.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDUs from a transport connection and decodes them strictly (PS3.8 §9.3). Every length is checked against
 * the length of what contains it; a P-DATA-TF longer than the maximum we announced, an unknown PDU type or a
 * malformed item is a {@link PduFormatException} carrying the A-ABORT reason of PS3.8 Table 9-26.
 *
 * <p>Reserved fields are not tested (PS3.8 §9.3.1). Unknown user-information sub-items are skipped (PS3.7 §D.3.3
 * allows new ones); unknown items at the top level of an A-ASSOCIATE PDU are refused.
 */
public final class PduReader {

    /** PS3.8 §9.3.2: fixed part of A-ASSOCIATE-RQ/AC after the 6-byte header. */
    private static final int ASSOCIATE_FIXED = 68;

    private final InputStream in;
    private final byte[] header = new byte[6];
    private byte[] pdataBuffer = new byte[0];
    private long maxPDataLength;
    private final int maxAssociateLength;

    /**
     * @param in                 the transport input, ideally buffered
     * @param maxPDataLength     the largest P-DATA-TF PDU length we announced (our Maximum Length Received); 0 = none
     * @param maxAssociateLength the largest A-ASSOCIATE-RQ/AC we decode (not negotiated; protects memory)
     */
    public PduReader(InputStream in, long maxPDataLength, int maxAssociateLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength;
        this.maxAssociateLength = maxAssociateLength;
    }

    public void maxPDataLength(long max) {
        this.maxPDataLength = max;
    }

    /**
     * Reads the next PDU, blocking. The PDVs of a P-DATA-TF point into a buffer this reader reuses: they are valid
     * until the next call. Returns null when the peer closed the connection cleanly between PDUs;
     * a connection closed inside a PDU is an {@link EOFException}.
     */
    public Pdu read() throws IOException {
        int n = in.readNBytes(header, 0, 1);
        if (n < 1) {
            return null;
        }
        readFully(header, 1, 5, "PDU header");
        int type = header[0] & 0xff;
        long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        switch (type) {
            case Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC -> {
                if (length < ASSOCIATE_FIXED || length > maxAssociateLength) {
                    throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 2, Pdu.typeName(type)
                            + " length " + length + " outside " + ASSOCIATE_FIXED + ".." + maxAssociateLength);
                }
                byte[] body = body((int) length, type);
                return type == Pdu.A_ASSOCIATE_RQ ? decodeRq(body) : decodeAc(body);
            }
            case Pdu.A_ASSOCIATE_RJ, Pdu.A_RELEASE_RQ, Pdu.A_RELEASE_RP, Pdu.A_ABORT -> {
                if (length != 4) {
                    throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 2, Pdu.typeName(type)
                            + " length " + length + ", PS3.8 §9.3 fixes it at 4");
                }
                byte[] b = body(4, type);
                return switch (type) {
                    case Pdu.A_ASSOCIATE_RJ -> new AAssociateRj(b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
                    case Pdu.A_RELEASE_RQ -> new AReleaseRq();
                    case Pdu.A_RELEASE_RP -> new AReleaseRp();
                    default -> new AAbort(b[2] & 0xff, b[3] & 0xff);
                };
            }
            case Pdu.P_DATA_TF -> {
                if (maxPDataLength > 0 && length > maxPDataLength) {
                    throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 2, "P-DATA-TF length " + length
                            + " exceeds the maximum length " + maxPDataLength + " we negotiated (PS3.8 §D.1)");
                }
                if (length < 6 || length > Integer.MAX_VALUE - 8) {
                    throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 2, "P-DATA-TF length " + length
                            + " cannot hold a presentation data value item");
                }
                // One buffer per connection, reused: a 32 KB allocation per PDU was the hottest spot of the receive path.
                int len = (int) length;
                if (pdataBuffer.length < len) {
                    pdataBuffer = new byte[Math.max(len, (int) Math.min(maxPDataLength, 1 << 20))];
                }
                readFully(pdataBuffer, 0, len, "P-DATA-TF");
                return decodePData(pdataBuffer, len);
            }
            default -> throw new PduFormatException(AAbort.UNRECOGNIZED_PDU, 0, Pdu.typeName(type));
        }
    }

    private byte[] body(int length, int type) throws IOException {
        byte[] b = new byte[length];
        readFully(b, 0, length, Pdu.typeName(type) + " of length " + length);
        return b;
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n < len) {
            throw new EOFException("connection closed after " + n + " of " + len + " bytes of " + what);
        }
    }

    // ---- P-DATA-TF ----

    private static PDataTf decodePData(byte[] b, int length) throws PduFormatException {
        List<Pdv> pdvs = new ArrayList<>(2);
        int pos = 0;
        while (pos < length) {
            if (length - pos < 6) {
                throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 6 + pos, (length - pos)
                        + " trailing bytes where a PDV item needs at least 6");
            }
            long itemLength = u32(b, pos);
            if (itemLength < 2 || itemLength > length - pos - 4) {
                throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 6 + pos, "PDV item length "
                        + itemLength + " does not fit the " + (length - pos - 4) + " bytes left in the P-DATA-TF");
            }
            int pcid = b[pos + 4] & 0xff;
            if ((pcid & 1) == 0) {
                throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 6 + pos + 4,
                        "even presentation context ID " + pcid + " in a PDV (PS3.8 §9.3.2.2: odd 1..255)");
            }
            int mch = b[pos + 5] & 0xff;
            pdvs.add(new Pdv(pcid, mch, b, pos + 6, (int) itemLength - 2));
            pos += 4 + (int) itemLength;
        }
        return new PDataTf(pdvs);
    }

    // ---- A-ASSOCIATE-RQ / -AC ----

    private static AAssociateRq decodeRq(byte[] b) throws PduFormatException {
        AAssociateRq rq = new AAssociateRq();
        Cursor c = new Cursor(b);
        fixedPart(c, rq);
        while (c.remaining() > 0) {
            int itemOffset = c.pos;
            int itemType = c.u8();
            c.skip(1);
            int len = c.u16();
            Cursor item = c.sub(len, "item " + hex(itemType));
            switch (itemType) {
                case 0x10 -> rq.applicationContext(item.uid(len));
                case 0x20 -> rq.presentationContexts().add(pcRq(item, itemOffset));
                case 0x50 -> userInformation(item, rq.userInformation(), true);
                default -> throw item.error(AAbort.UNRECOGNIZED_PDU_PARAMETER, itemOffset,
                        "item type " + hex(itemType) + " is not allowed in an A-ASSOCIATE-RQ");
            }
        }
        return rq;
    }

    private static AAssociateAc decodeAc(byte[] b) throws PduFormatException {
        AAssociateAc ac = new AAssociateAc();
        Cursor c = new Cursor(b);
        fixedPart(c, ac);
        while (c.remaining() > 0) {
            int itemOffset = c.pos;
            int itemType = c.u8();
            c.skip(1);
            int len = c.u16();
            Cursor item = c.sub(len, "item " + hex(itemType));
            switch (itemType) {
                case 0x10 -> ac.applicationContext(item.uid(len));
                case 0x21 -> {
                    if (len < 4) {
                        throw item.error(AAbort.INVALID_PDU_PARAMETER_VALUE, itemOffset,
                                "presentation context item of length " + len);
                    }
                    int id = item.u8();
                    item.skip(1);
                    int result = item.u8();
                    item.skip(1);
                    String ts = null;
                    while (item.remaining() > 0) {
                        int subOffset = item.pos;
                        int subType = item.u8();
                        item.skip(1);
                        int subLen = item.u16();
                        Cursor sub = item.sub(subLen, "sub-item " + hex(subType));
                        if (subType != 0x40) {
                            throw sub.error(AAbort.UNRECOGNIZED_PDU_PARAMETER, subOffset,
                                    "sub-item " + hex(subType) + " in an A-ASSOCIATE-AC presentation context");
                        }
                        ts = sub.uid(subLen);
                    }
                    if (result == PresentationContextAc.ACCEPTANCE && (ts == null || ts.isEmpty())) {
                        throw item.error(AAbort.INVALID_PDU_PARAMETER_VALUE, itemOffset,
                                "accepted presentation context " + id + " names no transfer syntax");
                    }
                    ac.presentationContexts().add(new PresentationContextAc(id, result, ts));
                }
                case 0x50 -> userInformation(item, ac.userInformation(), false);
                default -> throw item.error(AAbort.UNRECOGNIZED_PDU_PARAMETER, itemOffset,
                        "item type " + hex(itemType) + " is not allowed in an A-ASSOCIATE-AC");
            }
        }
        return ac;
    }

    private static void fixedPart(Cursor c, AAssociate a) throws PduFormatException {
        a.protocolVersion(c.u16());
        c.skip(2);
        String called = c.ae();
        String calling = c.ae();
        c.skip(32);
        try {
            a.calledAeTitle(called);
            a.callingAeTitle(calling);
        } catch (IllegalArgumentException e) {
            throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 10, e.getMessage());
        }
    }

    private static PresentationContextRq pcRq(Cursor item, int itemOffset) throws PduFormatException {
        if (item.remaining() < 4) {
            throw item.error(AAbort.INVALID_PDU_PARAMETER_VALUE, itemOffset,
                    "presentation context item of length " + item.remaining());
        }
        int id = item.u8();
        item.skip(3);
        if ((id & 1) == 0) {
            throw item.error(AAbort.INVALID_PDU_PARAMETER_VALUE, itemOffset + 4,
                    "even presentation context ID " + id + " (PS3.8 §9.3.2.2: odd 1..255)");
        }
        String as = null;
        List<String> tss = new ArrayList<>(4);
        while (item.remaining() > 0) {
            int subOffset = item.pos;
            int subType = item.u8();
            item.skip(1);
            int subLen = item.u16();
            Cursor sub = item.sub(subLen, "sub-item " + hex(subType));
            switch (subType) {
                case 0x30 -> {
                    if (as != null) {
                        throw sub.error(AAbort.UNEXPECTED_PDU_PARAMETER, subOffset,
                                "second abstract syntax in presentation context " + id);
                    }
                    as = sub.uid(subLen);
                }
                case 0x40 -> tss.add(sub.uid(subLen));
                default -> throw sub.error(AAbort.UNRECOGNIZED_PDU_PARAMETER, subOffset,
                        "sub-item " + hex(subType) + " in presentation context " + id);
            }
        }
        if (as == null || as.isEmpty() || tss.isEmpty()) {
            throw item.error(AAbort.INVALID_PDU_PARAMETER_VALUE, itemOffset, "presentation context " + id
                    + " needs one abstract syntax and at least one transfer syntax (PS3.8 §9.3.2.2)");
        }
        return new PresentationContextRq(id, as, tss);
    }

    private static void userInformation(Cursor item, UserInformation ui, boolean rq) throws PduFormatException {
        while (item.remaining() > 0) {
            int subOffset = item.pos;
            int subType = item.u8();
            item.skip(1);
            int len = item.u16();
            Cursor s = item.sub(len, "user information sub-item " + hex(subType));
            switch (subType) {
                case 0x51 -> {
                    s.expectLength(4, subOffset, "Maximum Length sub-item");
                    ui.maxLength(s.u32());
                }
                case 0x52 -> ui.implementationClassUid(s.uid(len));
                case 0x53 -> {
                    s.expectLength(4, subOffset, "Asynchronous Operations Window sub-item");
                    ui.asyncOpsWindow(s.u16(), s.u16());
                }
                case 0x54 -> {
                    int uidLen = s.u16();
                    String uid = s.sub(uidLen, "SOP class UID").uid(uidLen);
                    s.expectRemaining(2, subOffset, "SCP/SCU Role Selection sub-item");
                    ui.roleSelections().add(new RoleSelection(uid, s.u8() != 0, s.u8() != 0));
                }
                case 0x55 -> {
                    if (len > 16) {
                        throw s.error(AAbort.INVALID_PDU_PARAMETER_VALUE, subOffset,
                                "implementation version name of " + len + " bytes (max 16, PS3.7 §D.3.3.2.3)");
                    }
                    ui.implementationVersionName(s.text(len));
                }
                case 0x56 -> {
                    int uidLen = s.u16();
                    String uid = s.sub(uidLen, "SOP class UID").uid(uidLen);
                    ui.extendedNegotiations().add(new ExtendedNegotiation(uid, s.bytes(s.remaining())));
                }
                case 0x57 -> {
                    if (!rq) {
                        throw s.error(AAbort.UNEXPECTED_PDU_PARAMETER, subOffset,
                                "SOP Class Common Extended Negotiation in an A-ASSOCIATE-AC");
                    }
                    int uidLen = s.u16();
                    String sop = s.sub(uidLen, "SOP class UID").uid(uidLen);
                    int scLen = s.u16();
                    String sc = s.sub(scLen, "service class UID").uid(scLen);
                    int relLen = s.u16();
                    Cursor rel = s.sub(relLen, "related general SOP class identification");
                    List<String> related = new ArrayList<>();
                    while (rel.remaining() > 0) {
                        int l = rel.u16();
                        related.add(rel.sub(l, "related general SOP class UID").uid(l));
                    }
                    ui.commonExtendedNegotiations().add(new CommonExtendedNegotiation(sop, sc, related));
                }
                case 0x58 -> {
                    if (!rq) {
                        throw s.error(AAbort.UNEXPECTED_PDU_PARAMETER, subOffset, "User Identity RQ in an A-ASSOCIATE-AC");
                    }
                    int idType = s.u8();
                    boolean positive = s.u8() != 0;
                    int pl = s.u16();
                    byte[] primary = s.bytes(pl);
                    int sl = s.u16();
                    byte[] secondary = s.bytes(sl);
                    ui.userIdentity(new UserIdentity(idType, positive, primary, secondary));
                }
                case 0x59 -> {
                    if (rq) {
                        throw s.error(AAbort.UNEXPECTED_PDU_PARAMETER, subOffset, "User Identity AC in an A-ASSOCIATE-RQ");
                    }
                    int rl = s.u16();
                    ui.userIdentityServerResponse(s.bytes(rl));
                }
                default -> {
                    // PS3.7 §D.3.3: sub-items we do not know are ignored, so newer peers still associate.
                }
            }
            if (subType >= 0x51 && subType <= 0x59 && s.remaining() != 0) {
                throw s.error(AAbort.INVALID_PDU_PARAMETER_VALUE, subOffset, "user information sub-item "
                        + hex(subType) + " has " + s.remaining() + " bytes after its last field");
            }
        }
    }

    // ---- helpers ----

    static String hex(int type) {
        return String.format("%02XH", type);
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    /** A bounded view of the PDU body; offsets in errors are from the start of the PDU (header included). */
    private static final class Cursor {
        final byte[] b;
        int pos;
        final int end;

        Cursor(byte[] b) {
            this(b, 0, b.length);
        }

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n, String what) throws PduFormatException {
            if (n > end - pos) {
                throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 6L + pos,
                        what + " needs " + n + " bytes, only " + (end - pos) + " left in its item");
            }
        }

        int u8() throws PduFormatException {
            need(1, "a 1-byte field");
            return b[pos++] & 0xff;
        }

        int u16() throws PduFormatException {
            need(2, "a 2-byte field");
            int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            pos += 2;
            return v;
        }

        long u32() throws PduFormatException {
            need(4, "a 4-byte field");
            long v = PduReader.u32(b, pos);
            pos += 4;
            return v;
        }

        void skip(int n) throws PduFormatException {
            need(n, "a reserved field");
            pos += n;
        }

        byte[] bytes(int n) throws PduFormatException {
            need(n, "a value");
            byte[] v = new byte[n];
            System.arraycopy(b, pos, v, 0, n);
            pos += n;
            return v;
        }

        Cursor sub(int len, String what) throws PduFormatException {
            need(len, what + " of length " + len);
            Cursor s = new Cursor(b, pos, pos + len);
            pos += len;
            return s;
        }

        String ae() throws PduFormatException {
            return text(16);
        }

        String text(int n) throws PduFormatException {
            need(n, "a text field");
            String s = new String(b, pos, n, StandardCharsets.US_ASCII);
            pos += n;
            return s.strip();
        }

        /** A UID field: PS3.8 Annex F, no padding; a trailing NUL from older peers is tolerated. */
        String uid(int n) throws PduFormatException {
            need(n, "a UID");
            int start = pos;
            int e = pos + n;
            while (e > start && (b[e - 1] == 0 || b[e - 1] == ' ')) {
                e--;
            }
            if (e - start > 64) {
                throw error(AAbort.INVALID_PDU_PARAMETER_VALUE, start, "UID of " + (e - start)
                        + " characters (max 64, PS3.5 §9.1)");
            }
            for (int i = start; i < e; i++) {
                byte c = b[i];
                if ((c < '0' || c > '9') && c != '.') {
                    throw error(AAbort.INVALID_PDU_PARAMETER_VALUE, i, String.format(
                            "byte %02XH in a UID (PS3.5 §9.1 allows digits and '.')", c & 0xff));
                }
            }
            pos += n;
            return new String(b, start, e - start, StandardCharsets.US_ASCII);
        }

        void expectLength(int n, int subOffset, String what) throws PduFormatException {
            if (remaining() != n) {
                throw error(AAbort.INVALID_PDU_PARAMETER_VALUE, subOffset, what + " of length " + remaining()
                        + ", PS3.7 Annex D fixes it at " + n);
            }
        }

        void expectRemaining(int n, int subOffset, String what) throws PduFormatException {
            if (remaining() != n) {
                throw error(AAbort.INVALID_PDU_PARAMETER_VALUE, subOffset, what + " has " + remaining()
                        + " bytes where " + n + " are expected");
            }
        }

        PduFormatException error(int reason, int offset, String message) {
            return new PduFormatException(reason, 6L + offset, message);
        }
    }
}
