package io.tessera.dicom.image;

import java.io.IOException;

/** Pixel Data (7FE0,0010) cannot be decoded: what is wrong and, where known, where (frame, segment, byte offset). */
public class PixelDataException extends IOException {

    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
