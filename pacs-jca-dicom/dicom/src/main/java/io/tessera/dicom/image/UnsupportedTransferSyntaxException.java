package io.tessera.dicom.image;

/**
 * The pixel data is encoded in a transfer syntax this library has no decoder for (JPEG-LS, JPEG 2000, HTJ2K, MPEG,
 * …, or a JPEG process the ImageIO plugins refuse). The message names the UID so the user can convert the file,
 * e.g. with dcmtk's {@code dcmdjpls} or another tool, or ask for a supported syntax.
 */
public class UnsupportedTransferSyntaxException extends PixelDataException {

    private final String transferSyntaxUid;

    public UnsupportedTransferSyntaxException(String transferSyntaxUid, String message) {
        super(message);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
