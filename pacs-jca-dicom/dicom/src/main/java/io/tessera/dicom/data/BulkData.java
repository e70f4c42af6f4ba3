package io.tessera.dicom.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left where it is in its file: a reader configured with a bulk data threshold records where large
 * values (pixel data, waveforms, fragments) are instead of loading them, so a 1 GB object parses in little heap.
 * {@code bigEndian} is the byte order of the value as stored (Explicit VR Big Endian, PS3.5 §7.3).
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
        }
    }

    /** The value's bytes, read from the file on demand; fails with EOFException if the file became shorter. */
    public InputStream open() throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new InputStream() {
            private long pos = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int n = (int) Math.min(len, end - pos);
                int r = ch.read(ByteBuffer.wrap(b, off, n), pos);
                if (r < 0) {
                    throw new EOFException(file + " ends at " + pos + ", before the end of the bulk data value at "
                            + offset + " length " + length);
                }
                pos += r;
                return r;
            }

            @Override
            public long skip(long n) {
                long s = Math.max(0, Math.min(n, end - pos));
                pos += s;
                return s;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, end - pos);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** All bytes of the value; only for values known to fit in memory. */
    public byte[] readAllBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("Bulk data of " + length + " bytes does not fit in a byte array");
        }
        try (InputStream in = open()) {
            byte[] b = in.readAllBytes();
            if (b.length != length) {
                throw new EOFException(file + " holds " + b.length + " of " + length + " bytes at " + offset);
            }
            return b;
        }
    }
}
