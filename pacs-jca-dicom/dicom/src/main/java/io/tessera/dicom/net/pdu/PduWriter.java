package io.tessera.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes PDUs other than P-DATA-TF into one byte array each (PS3.8 §9.3), so that each PDU leaves in a single
 * write and, with TCP_NODELAY, a single segment train. P-DATA-TF is written by the association's fragmenting
 * stream, which never builds a PDU object.
 */
public final class PduWriter {

    private PduWriter() {
    }

    public static byte[] encode(Pdu pdu) {
        if (pdu instanceof AAssociateRq rq) {
            return associate(rq, Pdu.A_ASSOCIATE_RQ);
        } else if (pdu instanceof AAssociateAc ac) {
            return associate(ac, Pdu.A_ASSOCIATE_AC);
        } else if (pdu instanceof AAssociateRj rj) {
            return fixed(Pdu.A_ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reason());
        } else if (pdu instanceof AReleaseRq) {
            return fixed(Pdu.A_RELEASE_RQ, 0, 0, 0, 0);
        } else if (pdu instanceof AReleaseRp) {
            return fixed(Pdu.A_RELEASE_RP, 0, 0, 0, 0);
        } else if (pdu instanceof AAbort a) {
            return fixed(Pdu.A_ABORT, 0, 0, a.source(), a.reason());
        }
        return pdata((PDataTf) pdu);
    }

    private static byte[] fixed(int type, int b0, int b1, int b2, int b3) {
        return new byte[] {(byte) type, 0, 0, 0, 0, 4, (byte) b0, (byte) b1, (byte) b2, (byte) b3};
    }

    private static byte[] pdata(PDataTf p) {
        Buf b = new Buf();
        b.u8(Pdu.P_DATA_TF).u8(0).u32(0);
        for (Pdv v : p.pdvs()) {
            b.u32(v.length() + 2L).u8(v.presentationContextId()).u8(v.messageControlHeader());
            b.out.write(v.buffer(), v.offset(), v.length());
        }
        return b.finishPdu();
    }

    private static byte[] associate(AAssociate a, int type) {
        Buf b = new Buf();
        b.u8(type).u8(0).u32(0);
        b.u16(a.protocolVersion()).u16(0);
        b.ae(a.calledAeTitle()).ae(a.callingAeTitle());
        b.zeros(32);
        b.item(0x10, ascii(a.applicationContext()));
        if (a instanceof AAssociateRq rq) {
            for (PresentationContextRq pc : rq.presentationContexts()) {
                Buf i = new Buf();
                i.u8(pc.id()).u8(0).u8(0).u8(0);
                i.item(0x30, ascii(pc.abstractSyntax()));
                for (String ts : pc.transferSyntaxes()) {
                    i.item(0x40, ascii(ts));
                }
                b.item(0x20, i.bytes());
            }
        } else {
            for (PresentationContextAc pc : ((AAssociateAc) a).presentationContexts()) {
                Buf i = new Buf();
                i.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
                // PS3.8 §9.3.3.2: one transfer syntax sub-item even when rejected (value then not significant).
                i.item(0x40, ascii(pc.transferSyntax() == null ? "" : pc.transferSyntax()));
                b.item(0x21, i.bytes());
            }
        }
        b.item(0x50, userInformation(a.userInformation(), type == Pdu.A_ASSOCIATE_RQ));
        return b.finishPdu();
    }

    private static byte[] userInformation(UserInformation ui, boolean rq) {
        Buf u = new Buf();
        u.item(0x51, new Buf().u32(ui.maxLength()).bytes());
        if (ui.implementationClassUid() != null) {
            u.item(0x52, ascii(ui.implementationClassUid()));
        }
        if (ui.hasAsyncOpsWindow()) {
            u.item(0x53, new Buf().u16(ui.maxOpsInvoked()).u16(ui.maxOpsPerformed()).bytes());
        }
        for (RoleSelection r : ui.roleSelections()) {
            byte[] uid = ascii(r.sopClass());
            u.item(0x54, new Buf().u16(uid.length).raw(uid).u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0).bytes());
        }
        if (ui.implementationVersionName() != null) {
            u.item(0x55, ascii(ui.implementationVersionName()));
        }
        for (ExtendedNegotiation e : ui.extendedNegotiations()) {
            byte[] uid = ascii(e.sopClass());
            u.item(0x56, new Buf().u16(uid.length).raw(uid).raw(e.info()).bytes());
        }
        if (rq) {
            for (CommonExtendedNegotiation c : ui.commonExtendedNegotiations()) {
                byte[] sop = ascii(c.sopClass());
                byte[] sc = ascii(c.serviceClass());
                Buf rel = new Buf();
                for (String r : c.relatedGeneralSopClasses()) {
                    byte[] ru = ascii(r);
                    rel.u16(ru.length).raw(ru);
                }
                byte[] relBytes = rel.bytes();
                u.item(0x57, new Buf().u16(sop.length).raw(sop).u16(sc.length).raw(sc).u16(relBytes.length)
                        .raw(relBytes).bytes());
            }
            UserIdentity id = ui.userIdentity();
            if (id != null) {
                byte[] p = id.primaryField();
                byte[] s = id.secondaryField();
                u.item(0x58, new Buf().u8(id.identityType()).u8(id.positiveResponseRequested() ? 1 : 0)
                        .u16(p.length).raw(p).u16(s.length).raw(s).bytes());
            }
        } else if (ui.userIdentityServerResponse() != null) {
            byte[] r = ui.userIdentityServerResponse();
            u.item(0x59, new Buf().u16(r.length).raw(r).bytes());
        }
        return u.bytes();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Buf {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Buf u8(int v) {
            out.write(v);
            return this;
        }

        Buf u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Buf u32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        Buf raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Buf zeros(int n) {
            return raw(new byte[n]);
        }

        Buf ae(String ae) {
            byte[] b = new byte[16];
            java.util.Arrays.fill(b, (byte) ' ');
            byte[] a = ascii(ae);
            System.arraycopy(a, 0, b, 0, Math.min(16, a.length));
            return raw(b);
        }

        Buf item(int type, byte[] value) {
            if (value.length > 0xffff) {
                throw new IllegalArgumentException(String.format("item %02XH of %d bytes exceeds 65535", type,
                        value.length));
            }
            return u8(type).u8(0).u16(value.length).raw(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        byte[] finishPdu() {
            byte[] b = out.toByteArray();
            long len = b.length - 6L;
            b[2] = (byte) (len >>> 24);
            b[3] = (byte) (len >>> 16);
            b[4] = (byte) (len >>> 8);
            b[5] = (byte) len;
            return b;
        }
    }
}
