package io.tessera.dicom.io;

import io.tessera.dicom.data.Tag;
import java.io.IOException;

/**
 * A DICOM stream that cannot be decoded or encoded: the message names the element (tag) and the byte offset
 * from the start of the stream (preamble included for Part 10 files) where the problem was found.
 */
public class DicomStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int tag;
    private final long offset;

    public DicomStreamException(String message, int tag, long offset) {
        super(message + " (element " + Tag.toString(tag) + " at byte offset " + offset + ")");
        this.tag = tag;
        this.offset = offset;
    }

    public DicomStreamException(String message, int tag, long offset, Throwable cause) {
        this(message, tag, offset);
        initCause(cause);
    }

    /** The element being decoded, or -1 / 0 when the problem is outside any element. */
    public int tag() {
        return tag;
    }

    /** Byte offset of the problem from the start of the stream. */
    public long offset() {
        return offset;
    }
}
