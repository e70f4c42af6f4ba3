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

/** Encodes rendered frames as PNG (lossless, what a viewer should get) or JPEG with a chosen quality. */
public final class ImageOutput {

    private ImageOutput() {
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no ImageIO PNG writer for image type " + image.getType());
        }
    }

    /**
     * @param quality 0 (smallest) to 1 (best), as {@link ImageWriteParam#setCompressionQuality}
     */
    public static void writeJpeg(BufferedImage image, OutputStream out, float quality) throws IOException {
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality " + quality + " not in 0..1");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
