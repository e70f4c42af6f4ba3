package io.tessera.dicom.testkit;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.PduWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Malformed upper-layer PDUs (PS3.8 §9.3) for fuzzing a DICOM listener: bit flips, truncations, wrong PDU and item
 * lengths, unknown PDU types, garbage, HTTP, and broken P-DATA-TF after a valid association. Case {@code i} is of
 * kind {@code i % 10} and reproducible from the {@link Random}'s seed. The library's FuzzTest runs it against the
 * bare listener, the system tests against the running PACS.
 */
public final class PduFuzzer {
    /** Kinds of case, by {@code i % 10}. */
    public static final int KINDS = 10;
    /** Kinds answered with A-ABORT source 2 reason 1 (unrecognized PDU): an unknown PDU type, HTTP's 'G' or 'P'. */
    public static final int UNKNOWN_TYPE = 4;
    public static final int HTTP = 6;

    private final byte[] rq;
    private final byte[] echo;
    private final int maxPdu;

    /**
     * @param callingAe the calling AE title of the valid A-ASSOCIATE-RQ the mutations start from (one the listener
     *                  accepts, so that the P-DATA cases reach the established association)
     * @param maxPdu    the listener's maximum receive PDU length: one case sends a P-DATA-TF just over it
     */
    public PduFuzzer(String callingAe, String calledAe, int maxPdu) {
        this.rq = validRq(callingAe, calledAe);
        this.echo = echoCommand();
        this.maxPdu = maxPdu;
    }

    /** The valid A-ASSOCIATE-RQ: Verification (Implicit/Explicit VR LE) and CT Image Storage (Explicit VR LE). */
    public byte[] validRq() {
        return rq.clone();
    }

    /** The C-ECHO-RQ command set, Implicit VR Little Endian. */
    public byte[] echo() {
        return echo.clone();
    }

    public static byte[] validRq(String callingAe, String calledAe) {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(callingAe);
        rq.calledAeTitle(calledAe);
        rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
        rq.addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
        rq.userInformation().maxLength(16384).implementationClassUid("1.2.3.4").implementationVersionName("FUZZ");
        return PduWriter.encode(rq);
    }

    public static byte[] echoCommand() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DicomOutputStream dos = new DicomOutputStream(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            dos.writeCommand(Commands.cEchoRq(1, UID.VerificationSOPClass));
            dos.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A P-DATA-TF with one PDV (PS3.8 §9.3.5), its PDU length field set to {@code declaredPduLength}. */
    public static byte[] pdata(int pcid, int control, byte[] data, int declaredPduLength) {
        byte[] b = new byte[12 + data.length];
        b[0] = 0x04;
        putInt(b, 2, declaredPduLength);
        putInt(b, 6, data.length + 2);
        b[10] = (byte) pcid;
        b[11] = (byte) control;
        System.arraycopy(data, 0, b, 12, data.length);
        return b;
    }

    public static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** One mutated PDU (or PDU sequence) for case {@code i}. */
    public byte[] mutate(int i, Random rnd) {
        byte[] b;
        switch (i % KINDS) {
            case 0 -> { // bit flips in an A-ASSOCIATE-RQ
                b = rq.clone();
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(rq, 1 + rnd.nextInt(rq.length - 1)); // truncated
            case 2 -> { // PDU length wrong
                b = rq.clone();
                int[] lens = {0, 1, 67, rq.length - 7, rq.length - 5, 0x7fffffff, -1, rnd.nextInt()};
                putInt(b, 2, lens[rnd.nextInt(lens.length)]);
            }
            case 3 -> { // an item or sub-item length overwritten
                b = rq.clone();
                int at = 74 + rnd.nextInt(b.length - 76);
                b[at] = (byte) rnd.nextInt(256);
                b[at + 1] = (byte) rnd.nextInt(256);
            }
            case UNKNOWN_TYPE -> {
                int type = rnd.nextBoolean() ? 0 : 8 + rnd.nextInt(248);
                b = new byte[6 + rnd.nextInt(64)];
                rnd.nextBytes(b);
                b[0] = (byte) type;
            }
            case 5 -> { // garbage
                b = new byte[1 + rnd.nextInt(3000)];
                rnd.nextBytes(b);
            }
            case HTTP -> b = (rnd.nextBoolean() ? "GET / HTTP/1.1\r\nHost: pacs\r\n\r\n"
                    : "POST /dicom-web/studies HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII);
            case 7 -> { // association, then a broken P-DATA-TF
                byte[] p;
                switch (rnd.nextInt(7)) {
                    case 0 -> p = pdata(1, 0x03, echo, echo.length + 6 + rnd.nextInt(3) - 1); // PDU length off by one
                    case 1 -> p = pdata(2, 0x03, echo, echo.length + 6); // even context ID
                    case 2 -> p = pdata(7, 0x03, echo, echo.length + 6); // context never proposed
                    case 3 -> p = pdata(1, 0x00, echo, echo.length + 6); // data without a command
                    case 4 -> { // garbage command set
                        byte[] g = new byte[rnd.nextInt(200)];
                        rnd.nextBytes(g);
                        p = pdata(1, 0x03, g, g.length + 6);
                    }
                    case 5 -> p = pdata(1, 0x03, new byte[maxPdu], maxPdu + 6); // over the listener's maximum length
                    default -> { // flips inside a valid C-ECHO command
                        p = pdata(1, 0x03, echo, echo.length + 6);
                        p[12 + rnd.nextInt(echo.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                b = concat(rq, p);
            }
            case 8 -> { // a PDU that is not allowed first, or with a wrong fixed length
                int type = 3 + rnd.nextInt(5);
                int len = rnd.nextBoolean() ? 4 : rnd.nextInt(9);
                b = new byte[6 + len];
                b[0] = (byte) type;
                putInt(b, 2, len);
            }
            default -> { // A-ASSOCIATE-RQ with a random run of bytes overwritten
                b = rq.clone();
                int at = rnd.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(16));
                byte[] junk = new byte[n];
                rnd.nextBytes(junk);
                System.arraycopy(junk, 0, b, at, n);
            }
        }
        return b;
    }

    /**
     * Sends {@code payload} on a new connection (half-closing it if asked) and returns what the listener sent back
     * before it closed. Fails when the listener keeps the connection open {@code readTimeoutMs} after: a listener
     * must end an association it cannot make sense of.
     */
    public static byte[] exchange(InetSocketAddress listener, byte[] payload, boolean halfClose, int readTimeoutMs)
            throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoLinger(true, 0); // no TIME_WAIT pile-up over thousands of connections
            s.connect(listener, 2000);
            s.setSoTimeout(readTimeoutMs);
            try {
                s.getOutputStream().write(payload);
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the listener may already have aborted and closed: fine, read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the listener kept the connection open " + readTimeoutMs + " ms after: "
                        + hex(payload, 64));
            } catch (IOException e) {
                // reset after the abort: what arrived before counts
            }
            return got.toByteArray();
        }
    }

    /** The A-ABORT at the end of a response (after an A-ASSOCIATE-AC if there was one): {source, reason}, or null. */
    public static int[] lastAbort(byte[] r) {
        int pos = 0;
        int[] abort = null;
        while (pos + 6 <= r.length) {
            int type = r[pos] & 0xff;
            long len = ((r[pos + 2] & 0xffL) << 24) | ((r[pos + 3] & 0xff) << 16) | ((r[pos + 4] & 0xff) << 8)
                    | (r[pos + 5] & 0xff);
            if (type == 0x07 && pos + 10 <= r.length) {
                abort = new int[] {r[pos + 8] & 0xff, r[pos + 9] & 0xff};
            }
            pos += 6 + (int) len;
        }
        return abort;
    }

    /** What a response amounts to: "closed", "A-ABORT source s reason r", or the first PDU's type. */
    public static String outcome(byte[] response) {
        int[] abort = lastAbort(response);
        return response.length == 0 ? "closed"
                : abort != null ? "A-ABORT source " + abort[0] + " reason " + abort[1]
                : String.format("PDU %02XH", response[0]);
    }

    public static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return sb + (b.length > max ? "…(" + b.length + " bytes)" : "");
    }
}
