package io.tessera.dicom.data;

/**
 * Value Representations of PS3.5 §6.2, with what the encoders need to know about each:
 * the explicit-VR header form (PS3.5 §7.1.2), the padding byte, and the value kind.
 */
public enum VR {
    AE(Kind.STRING, false, ' '),
    AS(Kind.STRING, false, ' '),
    AT(Kind.BINARY, false, 0, 4),
    CS(Kind.STRING, false, ' '),
    DA(Kind.STRING, false, ' '),
    DS(Kind.STRING, false, ' '),
    DT(Kind.STRING, false, ' '),
    FL(Kind.BINARY, false, 0, 4),
    FD(Kind.BINARY, false, 0, 8),
    IS(Kind.STRING, false, ' '),
    LO(Kind.TEXT, false, ' '),
    LT(Kind.TEXT, false, ' '),
    OB(Kind.BINARY, true, 0, 1),
    OD(Kind.BINARY, true, 0, 8),
    OF(Kind.BINARY, true, 0, 4),
    OL(Kind.BINARY, true, 0, 4),
    OV(Kind.BINARY, true, 0, 8),
    OW(Kind.BINARY, true, 0, 2),
    PN(Kind.TEXT, false, ' '),
    SH(Kind.TEXT, false, ' '),
    SL(Kind.BINARY, false, 0, 4),
    SQ(Kind.SEQUENCE, true, 0),
    SS(Kind.BINARY, false, 0, 2),
    ST(Kind.TEXT, false, ' '),
    SV(Kind.BINARY, true, 0, 8),
    TM(Kind.STRING, false, ' '),
    UC(Kind.TEXT, true, ' '),
    UI(Kind.STRING, false, 0),
    UL(Kind.BINARY, false, 0, 4),
    UN(Kind.BINARY, true, 0, 1),
    UR(Kind.STRING, true, ' '),
    US(Kind.BINARY, false, 0, 2),
    UT(Kind.TEXT, true, ' '),
    UV(Kind.BINARY, true, 0, 8);

    /** What a value of this VR is made of. */
    public enum Kind {
        /** Default character repertoire only (ASCII): AE, AS, CS, DA, DS, DT, IS, TM, UI, UR. */
        STRING,
        /** Decoded with the Specific Character Set (0008,0005): LO, LT, PN, SH, ST, UC, UT. */
        TEXT,
        /** Numbers or bytes in the data set's byte order. */
        BINARY,
        /** Items of nested data sets. */
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final int paddingByte;
    private final int bytesPerValue;
    /** The two-byte code, taken from the name once (every element header an encoder writes asks for it). */
    private final int code;

    VR(Kind kind, boolean longHeader, int paddingByte) {
        this(kind, longHeader, paddingByte, 0);
    }

    VR(Kind kind, boolean longHeader, int paddingByte, int bytesPerValue) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.paddingByte = paddingByte;
        this.bytesPerValue = bytesPerValue;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() {
        return kind;
    }

    /** True for the VRs whose explicit header has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** Byte that pads a value to even length: space for strings, NUL for UI and binary values (PS3.5 §6.2). */
    public int paddingByte() {
        return paddingByte;
    }

    /** Size of one binary value (2 for US/SS/OW, 4 for UL/SL/FL/OF/OL/AT, 8 for FD/OD/SV/UV/OV, 1 for OB/UN); 0 for strings and SQ. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** True where values swap bytes between little and big endian. */
    public boolean swapsBytes() {
        return kind == Kind.BINARY && bytesPerValue > 1;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** The two-byte code as it appears in an explicit-VR header, e.g. {@code 0x4F42} for OB. */
    public int code() {
        return code;
    }

    private static final VR[] BY_CODE = new VR[0x10000];
    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    /** The VR for a two-byte code read from a header, or null when the code names no VR. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }
}
