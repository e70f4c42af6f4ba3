package io.tessera.dicom.image;

import io.tessera.dicom.data.UID;

/**
 * Chooses the decoder for a transfer syntax (PS3.5 §8.2) and decodes one frame's bytes into stored values: native
 * syntaxes, RLE Lossless, and the JPEG processes ImageIO can read. Everything else is refused with an
 * {@link UnsupportedTransferSyntaxException} naming the UID.
 */
public final class PixelDataDecoder {

    /** Encapsulated Uncompressed Explicit VR Little Endian. */
    static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";

    private PixelDataDecoder() {
    }

    /** Native (uncompressed) syntaxes: Implicit VR LE, Explicit VR LE, Deflated Explicit VR LE, Explicit VR BE. */
    public static boolean isNative(String transferSyntaxUid) {
        return switch (transferSyntaxUid) {
            case UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian, UID.DeflatedExplicitVRLittleEndian,
                    UID.ExplicitVRBigEndian -> true;
            default -> false;
        };
    }

    /** Whether frames of this syntax can be decoded here (before looking at the JPEG's sample precision). */
    public static boolean isSupported(String transferSyntaxUid) {
        return isNative(transferSyntaxUid) || isJpeg(transferSyntaxUid) || UID.RLELossless.equals(transferSyntaxUid)
                || ENCAPSULATED_UNCOMPRESSED.equals(transferSyntaxUid);
    }

    static boolean isJpeg(String uid) {
        return switch (uid) {
            case UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLossless, UID.JPEGLosslessSV1 -> true;
            default -> false;
        };
    }

    /**
     * Decodes one encapsulated frame (its fragments concatenated).
     *
     * @throws UnsupportedTransferSyntaxException for JPEG-LS, JPEG 2000, HTJ2K, MPEG/HEVC video, the retired JPEG
     *     processes and 12-bit DCT JPEG
     */
    public static Frame decodeEncapsulated(ImagePixel px, String transferSyntaxUid, byte[] frame)
            throws PixelDataException {
        if (ENCAPSULATED_UNCOMPRESSED.equals(transferSyntaxUid)) {
            // PS3.5 §A.4.11: each frame's fragments hold its native little-endian bytes.
            return NativePixelData.decode(px.withFrames(1), frame, 0, false);
        }
        if (UID.RLELossless.equals(transferSyntaxUid)) {
            return RleLossless.decode(px, frame);
        }
        if (isJpeg(transferSyntaxUid)) {
            return JpegFrames.decode(px, transferSyntaxUid, frame);
        }
        throw unsupported(transferSyntaxUid);
    }

    static UnsupportedTransferSyntaxException unsupported(String uid) {
        String name = UID.nameOf(uid);
        return new UnsupportedTransferSyntaxException(uid, "Pixel Data in transfer syntax " + uid
                + (name == null ? "" : " (" + name + ")") + " cannot be decoded: no decoder for it is available to "
                + "this library (JPEG-LS and JPEG 2000 decoders are not in the project's registries); supported are "
                + "native syntaxes, RLE Lossless, JPEG Baseline, 8-bit JPEG Extended and JPEG Lossless (.57, .70)");
    }
}
