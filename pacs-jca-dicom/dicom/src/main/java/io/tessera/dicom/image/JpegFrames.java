package io.tessera.dicom.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG frames (PS3.5 §8.2.1: Baseline 1.2.840.10008.1.2.4.50, Extended 1.2.840.10008.1.2.4.51, Lossless
 * 1.2.840.10008.1.2.4.57 and its Selection Value 1 form .70) with the ImageIO reader of TwelveMonkeys imageio-jpeg,
 * which reads lossless (SOF3) streams of 2 to 16 bits and 8-bit DCT streams. 12-bit DCT streams, which every ImageIO
 * reader refuses ("Unsupported JPEG data precision 12"), go to {@link JpegSequentialDct}.
 *
 * <p>Stored values come from {@link ImageReader#readRaster}, which performs no colour conversion: greyscale and
 * lossless samples are exactly what was encoded. Three-component DCT streams (RGB that dcmtk and most encoders store
 * as YCbCr, labelled YBR_FULL_422 or YBR_FULL) are read through {@link ImageReader#read}, which converts YCbCr to
 * RGB as JPEG (JFIF) defines, and the frame is labelled RGB (PS3.5 §8.2.1 note on YBR_FULL_422).
 */
public final class JpegFrames {

    private JpegFrames() {
    }

    /** What the Start Of Frame marker says (ITU-T T.81 B.2.2). */
    record StartOfFrame(int marker, int precision, int lines, int samplesPerLine, int components) {
        boolean lossless() {
            return marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF;
        }

        String process() {
            return switch (marker) {
                case 0xC0 -> "baseline sequential DCT";
                case 0xC1 -> "extended sequential DCT";
                case 0xC2 -> "progressive DCT";
                case 0xC3 -> "lossless";
                default -> String.format("SOF 0x%02X", marker);
            };
        }
    }

    /** Decodes one frame; {@code jpeg} is the frame's fragments concatenated (one JPEG stream, T.81 B.2.1). */
    public static Frame decode(ImagePixel px, String transferSyntaxUid, byte[] jpeg) throws PixelDataException {
        StartOfFrame sof = startOfFrame(jpeg);
        if (!sof.lossless() && sof.precision > 8) {
            // The JDK's libjpeg and TwelveMonkeys decode 8-bit DCT only ("Unsupported JPEG data precision 12").
            if (sof.marker != 0xC0 && sof.marker != 0xC1) {
                throw new UnsupportedTransferSyntaxException(transferSyntaxUid, "JPEG " + sof.process() + " with "
                        + sof.precision + "-bit samples (transfer syntax " + transferSyntaxUid + ") cannot be decoded");
            }
            return JpegSequentialDct.decode(px, jpeg);
        }
        if (sof.lines != px.rows() || sof.samplesPerLine != px.columns() || sof.components != px.samplesPerPixel()) {
            throw new PixelDataException("JPEG frame is " + sof.samplesPerLine + "x" + sof.lines + " with "
                    + sof.components + " components, the data set says Columns " + px.columns() + ", Rows "
                    + px.rows() + ", Samples per Pixel " + px.samplesPerPixel());
        }
        ImageReader reader = reader();
        // In memory: ImageIO.createImageInputStream would cache to a temporary file by default.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, false, true);
            int bits = px.bitsStored();
            boolean colourConvert = !sof.lossless() && sof.components == 3
                    && px.photometricInterpretation() != PhotometricInterpretation.RGB;
            Raster raster;
            PhotometricInterpretation pi = px.photometricInterpretation();
            if (colourConvert) {
                BufferedImage image = reader.read(0);
                raster = image.getRaster();
                pi = PhotometricInterpretation.RGB;
                bits = 8;
            } else {
                try {
                    raster = reader.readRaster(0, null);
                } catch (RuntimeException e) {
                    // TwelveMonkeys' readRaster fails on some subsampled 3-component streams; read() copes, and
                    // converts only what the stream marks as YCbCr (JFIF, Adobe transform).
                    if (sof.components != 3) {
                        throw e;
                    }
                    raster = reader.read(0).getRaster();
                    bits = 8;
                }
            }
            if (pi == PhotometricInterpretation.YBR_FULL_422) {
                pi = PhotometricInterpretation.YBR_FULL; // samples come back at full resolution
            }
            int w = raster.getWidth();
            int h = raster.getHeight();
            int spp = raster.getNumBands();
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
            if (colourConvert && spp == 4) {
                throw new PixelDataException("JPEG decoder returned 4 bands for a 3-component frame");
            }
            // Lossless encoders store two's complement patterns; restore the sign at Bits Stored (C.7.6.3.1.4).
            boolean signed = px.signed() && !colourConvert;
            long mask = (1L << bits) - 1;
            for (int i = 0; i < samples.length; i++) {
                samples[i] = NativePixelData.storedValue(samples[i], mask, bits, signed);
            }
            return new Frame(h, w, spp, pi, bits, signed, samples);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PixelDataException p) {
                throw p;
            }
            throw new PixelDataException("JPEG " + sof.process() + " " + sof.precision + "-bit frame (transfer syntax "
                    + transferSyntaxUid + ") could not be decoded: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /** A TwelveMonkeys JPEG reader; the JDK's own cannot read lossless JPEG. */
    private static ImageReader reader() throws PixelDataException {
        ImageReader r = twelveMonkeys();
        if (r == null) {
            // Registered at ImageIO's first use from the context class loader; a container may need a rescan.
            ImageIO.scanForPlugins();
            r = twelveMonkeys();
        }
        if (r == null) {
            throw new PixelDataException("the TwelveMonkeys imageio-jpeg ImageIO plugin is not registered; "
                    + "JPEG pixel data cannot be decoded");
        }
        return r;
    }

    private static ImageReader twelveMonkeys() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys.")) {
                return r;
            }
            r.dispose();
        }
        return null;
    }

    /** Finds the SOF marker segment, skipping other marker segments (T.81 B.1.1.4). */
    static StartOfFrame startOfFrame(byte[] b) throws PixelDataException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new PixelDataException("JPEG frame does not start with SOI (FF D8)");
        }
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                throw new PixelDataException(String.format("JPEG: marker expected at byte offset %d, found 0x%02X", p,
                        b[p] & 0xFF));
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            int len = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (p + 10 > b.length) {
                    break;
                }
                return new StartOfFrame(marker, b[p + 4] & 0xFF, (b[p + 5] & 0xFF) << 8 | (b[p + 6] & 0xFF),
                        (b[p + 7] & 0xFF) << 8 | (b[p + 8] & 0xFF), b[p + 9] & 0xFF);
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            p += 2 + len;
        }
        throw new PixelDataException("JPEG: no Start Of Frame marker before the scan");
    }
}
