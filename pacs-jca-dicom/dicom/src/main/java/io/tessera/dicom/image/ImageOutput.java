package io.tessera.dicom.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes rendered frames as PNG (lossless, what a viewer should get) or JPEG with a chosen quality. The streams are
 * cached in memory: ImageIO's default would write a temporary file per image.
 */
public final class ImageOutput {

    private ImageOutput() {
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        write(image, out, "png", null);
    }

    /**
     * @param quality 0 (smallest) to 1 (best), as {@link ImageWriteParam#setCompressionQuality}
     */
    public static void writeJpeg(BufferedImage image, OutputStream out, float quality) throws IOException {
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality " + quality + " not in 0..1");
        }
        write(image, out, "jpeg", quality);
    }

    private static void write(BufferedImage image, OutputStream out, String format, Float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO " + format + " writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (quality != null) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
