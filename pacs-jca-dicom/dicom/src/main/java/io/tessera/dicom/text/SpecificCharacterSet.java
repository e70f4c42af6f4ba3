package io.tessera.dicom.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character repertoires named by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 §6.1.
 * Decodes and encodes the values of the text VRs (SH, LO, ST, LT, UC, UT, PN) of one data set.
 *
 * <p>This first version knows the single-byte default, ISO_IR 100 and ISO_IR 192; the {@code text} package
 * grows it to every repertoire of the specification, including ISO 2022 code extensions.
 */
public class SpecificCharacterSet {

    /** The default repertoire (ISO_IR 6) when a data set has no Specific Character Set. */
    public static final SpecificCharacterSet ASCII = new SpecificCharacterSet(new String[0], StandardCharsets.ISO_8859_1);

    private final String[] codes;
    private final Charset charset;

    protected SpecificCharacterSet(String[] codes, Charset charset) {
        this.codes = codes;
        this.charset = charset;
    }

    /** The repertoire named by the values of (0008,0005); no value or only empty values means the default. */
    public static SpecificCharacterSet valueOf(String... codes) {
        if (codes == null || codes.length == 0 || codes[0] == null || codes[0].isBlank()) {
            return ASCII;
        }
        return switch (codes[0].trim()) {
            case "ISO_IR 192" -> new SpecificCharacterSet(codes.clone(), StandardCharsets.UTF_8);
            default -> new SpecificCharacterSet(codes.clone(), StandardCharsets.ISO_8859_1);
        };
    }

    /** The defined terms this repertoire was made from, as (0008,0005) holds them. */
    public String[] codes() {
        return codes.clone();
    }

    public String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, charset);
    }

    public byte[] encode(String value) {
        return value.getBytes(charset);
    }
}
