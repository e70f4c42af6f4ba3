package io.tessera.pacs.web;

import io.tessera.dicom.image.DicomImage;
import io.tessera.dicom.image.PixelDataException;
import io.tessera.dicom.image.UnsupportedTransferSyntaxException;
import io.tessera.dicom.image.VoiSelection;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.InstanceFile;
import io.tessera.pacs.browse.RenderedCache;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * {@code /pacs/rendered/{sopInstanceUid}?frame=n&wc=&ww=&size=}: one frame of a stored image as PNG, rendered by the
 * library; {@code size=N} (1–256) scales it to fit N × N (a thumbnail). {@code wc}/{@code ww} give a window; without them the file's first preset (or the frame's value range) is
 * used; {@code voi=minmax} asks for the value range. The file is found through {@link BrowseService} (which checks
 * the viewer's privilege); this servlet never sees the database. Errors are plain text: 404 for an unknown instance,
 * 400 for a bad frame or window, 415 for pixel data this server cannot decode or an object without an image.
 * Renderings are kept on disk ({@link RenderedCache}); the header X-Tessera-Cache says hit or miss.
 */
@WebServlet("/rendered/*")
public class RenderedImageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RenderedImageServlet.class.getName());
    /** The largest thumbnail edge ({@code size=N}). */
    static final int MAX_SIZE = 256;
    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");

    @EJB
    private BrowseService browse;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String uid = path == null ? "" : path.substring(1);
        if (!UID.matcher(uid).matches()) {
            text(response, HttpServletResponse.SC_NOT_FOUND, "No such image: the path is /rendered/{SOP Instance UID}.");
            return;
        }
        InstanceFile file;
        try {
            file = browse.file(uid);
        } catch (EJBAccessException e) {
            text(response, HttpServletResponse.SC_FORBIDDEN, "Viewing images takes the View privilege.");
            return;
        }
        if (file == null) {
            text(response, HttpServletResponse.SC_NOT_FOUND, "No instance " + uid + " is stored here.");
            return;
        }
        int frame;
        VoiSelection voi;
        String voiKey;
        int size;
        try {
            frame = intParameter(request, "frame", 1);
            if (frame < 1 || frame > file.frames()) {
                text(response, HttpServletResponse.SC_BAD_REQUEST, "Frame " + frame + " is not between 1 and "
                        + file.frames() + ".");
                return;
            }
            voi = voi(request);
            voiKey = voiKey(voi);
            size = intParameter(request, "size", 0);
            if (size < 0 || size > MAX_SIZE) {
                text(response, HttpServletResponse.SC_BAD_REQUEST, "size is between 1 and " + MAX_SIZE + ".");
                return;
            }
            if (size > 0) {
                voiKey += "-s" + size;
            }
        } catch (NumberFormatException e) {
            text(response, HttpServletResponse.SC_BAD_REQUEST, "frame and size are whole numbers, wc and ww are numbers.");
            return;
        }
        Path cached = RenderedCache.entry(uid, file.digest(), frame, voiKey);
        if (Files.isRegularFile(cached)) {
            byte[] png;
            try {
                png = Files.readAllBytes(cached);
            } catch (IOException e) {
                png = null; // removed meanwhile: render again
            }
            if (png != null) {
                png(response, png, "hit");
                return;
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            DicomImage image = DicomImage.read(file.file(), frame);
            if (size > 0) {
                ImageIO.write(scaled(image.render(voi), size), "png", png);
            } else {
                image.writePng(png, voi);
            }
        } catch (UnsupportedTransferSyntaxException e) {
            text(response, 415, "This image cannot be shown: its transfer syntax " + e.transferSyntaxUid()
                    + " has no decoder here (" + e.getMessage() + ").");
            return;
        } catch (PixelDataException | IllegalArgumentException e) {
            text(response, 415, "This object has no image that can be shown: " + e.getMessage());
            return;
        } catch (NoSuchFileException e) {
            LOG.warning(() -> "The file of instance " + uid + " is missing: " + file.file());
            text(response, HttpServletResponse.SC_NOT_FOUND, "The file of instance " + uid + " is missing.");
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not render " + file.file() + " frame " + frame, e);
            text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The image could not be read: " + e.getMessage());
            return;
        }
        byte[] bytes = png.toByteArray();
        RenderedCache.put(cached, bytes);
        png(response, bytes, "miss");
    }

    /** The image scaled (never enlarged) to fit size × size, keeping its aspect ratio. */
    static BufferedImage scaled(BufferedImage source, int size) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, Math.min((double) size / w, (double) size / h));
        if (scale >= 1.0) {
            return source;
        }
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int type = source.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : source.getType();
        BufferedImage target = new BufferedImage(tw, th, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static void png(HttpServletResponse response, byte[] png, String cache) throws IOException {
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "private, max-age=60");
        response.setHeader("X-Tessera-Cache", cache);
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }

    /** The cache key of a VOI selection: [A-Za-z0-9._-] only. */
    private static String voiKey(VoiSelection voi) {
        if (voi instanceof VoiSelection.Explicit e) {
            return "w" + e.window().center() + "_" + e.window().width();
        }
        return voi instanceof VoiSelection.MinMax ? "minmax" : "auto";
    }

    private static VoiSelection voi(HttpServletRequest request) {
        String wc = request.getParameter("wc");
        String ww = request.getParameter("ww");
        if (wc != null && !wc.isBlank() && ww != null && !ww.isBlank()) {
            double width = Double.parseDouble(ww);
            if (!(width >= 1)) {
                throw new NumberFormatException("ww");
            }
            return VoiSelection.window(Double.parseDouble(wc), width);
        }
        if ("minmax".equals(request.getParameter("voi"))) {
            return VoiSelection.minMax();
        }
        return VoiSelection.auto();
    }

    private static int intParameter(HttpServletRequest request, String name, int otherwise) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? otherwise : Integer.parseInt(v.strip());
    }

    /** A plain-text answer (not the error page: an img's failed load and a script read the message). */
    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(message);
    }
}
