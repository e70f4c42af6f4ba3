package io.tessera.dicom.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transfer syntax (PS3.5 §10, PS3.6 Table A-1) reduced to what the encoder needs: VR explicit or implicit,
 * byte order, deflate, and whether Pixel Data is encapsulated (PS3.5 §A.4). Every syntax other than the four
 * native ones is encapsulated Explicit VR Little Endian; an unknown UID is assumed to be one of those too, since
 * new compressed syntaxes keep that encoding (PS3.5 §A.4), while its Pixel Data length tells the reader the rest.
 */
public final class TransferSyntax {

    private static final Map<String, TransferSyntax> KNOWN = new ConcurrentHashMap<>();

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = define("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = define("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN = define("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, false, false, true);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = define("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = define("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);
    public static final TransferSyntax JPEG_BASELINE = encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static final TransferSyntax JPEG_EXTENDED = encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    public static final TransferSyntax JPEG_EXTENDED_35 = encapsulated("1.2.840.10008.1.2.4.52", "JPEG Extended (Process 3 & 5) (Retired)");
    public static final TransferSyntax JPEG_SPECTRAL_68 = encapsulated("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8) (Retired)");
    public static final TransferSyntax JPEG_SPECTRAL_79 = encapsulated("1.2.840.10008.1.2.4.54", "JPEG Spectral Selection, Non-Hierarchical (Process 7 & 9) (Retired)");
    public static final TransferSyntax JPEG_FULL_PROGRESSION_1012 = encapsulated("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 & 12) (Retired)");
    public static final TransferSyntax JPEG_FULL_PROGRESSION_1113 = encapsulated("1.2.840.10008.1.2.4.56", "JPEG Full Progression, Non-Hierarchical (Process 11 & 13) (Retired)");
    public static final TransferSyntax JPEG_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    public static final TransferSyntax JPEG_LOSSLESS_15 = encapsulated("1.2.840.10008.1.2.4.58", "JPEG Lossless, Non-Hierarchical (Process 15) (Retired)");
    public static final TransferSyntax JPEG_LOSSLESS_SV1 = encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])");
    public static final TransferSyntax JPEG_LS_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression");
    public static final TransferSyntax JPEG_LS_NEAR_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression");
    public static final TransferSyntax JPEG_2000_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
    public static final TransferSyntax JPEG_2000 = encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");
    public static final TransferSyntax JPEG_2000_MC_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)");
    public static final TransferSyntax JPEG_2000_MC = encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression");
    public static final TransferSyntax JPIP_REFERENCED = define("1.2.840.10008.1.2.4.94", "JPIP Referenced", true, false, false, false);
    public static final TransferSyntax JPIP_REFERENCED_DEFLATE = define("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", true, false, true, false);
    public static final TransferSyntax MPEG2_MPML = encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile @ Main Level");
    public static final TransferSyntax MPEG2_MPML_F = encapsulated("1.2.840.10008.1.2.4.100.1", "Fragmentable MPEG2 Main Profile / Main Level");
    public static final TransferSyntax MPEG2_MPHL = encapsulated("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile @ High Level");
    public static final TransferSyntax MPEG2_MPHL_F = encapsulated("1.2.840.10008.1.2.4.101.1", "Fragmentable MPEG2 Main Profile / High Level");
    public static final TransferSyntax MPEG4_HP41 = encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1");
    public static final TransferSyntax MPEG4_HP41_F = encapsulated("1.2.840.10008.1.2.4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1");
    public static final TransferSyntax MPEG4_HP41_BD = encapsulated("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
    public static final TransferSyntax MPEG4_HP41_BD_F = encapsulated("1.2.840.10008.1.2.4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
    public static final TransferSyntax MPEG4_HP42_2D = encapsulated("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video");
    public static final TransferSyntax MPEG4_HP42_2D_F = encapsulated("1.2.840.10008.1.2.4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video");
    public static final TransferSyntax MPEG4_HP42_3D = encapsulated("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video");
    public static final TransferSyntax MPEG4_HP42_3D_F = encapsulated("1.2.840.10008.1.2.4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video");
    public static final TransferSyntax MPEG4_HP42_STEREO = encapsulated("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2");
    public static final TransferSyntax MPEG4_HP42_STEREO_F = encapsulated("1.2.840.10008.1.2.4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2");
    public static final TransferSyntax HEVC_MP51 = encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1");
    public static final TransferSyntax HEVC_M10P51 = encapsulated("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1");
    public static final TransferSyntax JPEG_XL_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless");
    public static final TransferSyntax JPEG_XL_RECOMPRESSION = encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression");
    public static final TransferSyntax JPEG_XL = encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL");
    public static final TransferSyntax HTJ2K_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)");
    public static final TransferSyntax HTJ2K_LOSSLESS_RPCL = encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)");
    public static final TransferSyntax HTJ2K = encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression");
    public static final TransferSyntax RLE_LOSSLESS = encapsulated("1.2.840.10008.1.2.5", "RLE Lossless");
    public static final TransferSyntax SMPTE_2110_20_PROGRESSIVE = encapsulated("1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video");
    public static final TransferSyntax SMPTE_2110_20_INTERLACED = encapsulated("1.2.840.10008.1.2.7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video");
    public static final TransferSyntax SMPTE_2110_30_PCM = encapsulated("1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio");

    private final String uid;
    private final String name;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, String name, boolean explicitVR, boolean bigEndian, boolean deflated,
                           boolean encapsulated) {
        this.uid = uid;
        this.name = name;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    private static TransferSyntax define(String uid, String name, boolean explicitVR, boolean bigEndian,
                                         boolean deflated, boolean encapsulated) {
        TransferSyntax ts = new TransferSyntax(uid, name, explicitVR, bigEndian, deflated, encapsulated);
        KNOWN.put(uid, ts);
        return ts;
    }

    private static TransferSyntax encapsulated(String uid, String name) {
        return define(uid, name, true, false, false, true);
    }

    /**
     * The transfer syntax of a UID; trailing NUL/space padding is ignored. Unknown UIDs are treated as
     * encapsulated Explicit VR Little Endian (a new compression syntax); {@link #isKnown()} tells them apart.
     */
    public static TransferSyntax of(String uid) {
        if (uid == null) {
            throw new IllegalArgumentException("Transfer syntax UID is null");
        }
        String u = uid.strip().replace("\0", "");
        TransferSyntax ts = KNOWN.get(u);
        return ts != null ? ts : new TransferSyntax(u, "Unknown (" + u + ")", true, false, false, true);
    }

    /** Every transfer syntax of PS3.6 Table A-1 this class lists, in no particular order. */
    public static java.util.Collection<TransferSyntax> all() {
        return java.util.Collections.unmodifiableCollection(KNOWN.values());
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    public boolean explicitVR() {
        return explicitVR;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** The data set after the meta header is a raw deflate stream (RFC 1951, no zlib header; PS3.5 §A.5). */
    public boolean deflated() {
        return deflated;
    }

    /** Pixel Data is encapsulated: fragments in items of undefined total length (PS3.5 §A.4). */
    public boolean encapsulated() {
        return encapsulated;
    }

    /** True for the syntaxes this class lists (PS3.6 Table A-1). */
    public boolean isKnown() {
        return KNOWN.get(uid) == this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax t && t.uid.equals(uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + uid + ")";
    }
}
