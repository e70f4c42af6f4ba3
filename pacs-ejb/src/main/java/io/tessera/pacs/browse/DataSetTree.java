package io.tessera.pacs.browse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.ElementDictionary;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a stored file's data set (up to and including the Pixel Data header) as a tree of {@link DataSetNode}s. */
public final class DataSetTree {
    static final int MAX_TEXT = 200;
    static final int MAX_NUMBERS = 8;

    private DataSetTree() {
    }

    /** The top-level elements of the file's data set (the meta header is not shown). */
    public static List<DataSetNode> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            dis.setBulkData(file, 4096);
            Attributes ds = dis.readDatasetUntil(Tag.PixelData);
            List<DataSetNode> nodes = elements(ds);
            // the Pixel Data element itself: read as a bulk reference (or fragments), shown by its length only
            Attributes withPixels = dis.readDatasetUntil(Tag.PixelData + 1);
            if (withPixels.contains(Tag.PixelData)) {
                VR vr = withPixels.getVR(Tag.PixelData);
                nodes.add(new DataSetNode(tag(Tag.PixelData), keyword(Tag.PixelData), vr == null ? "" : vr.name(),
                        "(pixel data, " + length(withPixels.getValue(Tag.PixelData)) + " bytes)"));
            }
            return nodes;
        }
    }

    static List<DataSetNode> elements(Attributes ds) {
        List<DataSetNode> nodes = new ArrayList<>(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            if (tag == Tag.PixelData) {
                nodes.add(new DataSetNode(tag(tag), keyword(tag), vr == null ? "" : vr.name(),
                        "(pixel data, " + length(value) + " bytes)"));
                continue;
            }
            if (value instanceof Sequence seq) {
                DataSetNode node = new DataSetNode(tag(tag), keyword(tag), "SQ", seq.size() + (seq.size() == 1 ? " item" : " items"));
                int n = 1;
                for (Attributes item : seq) {
                    DataSetNode itemNode = new DataSetNode("", "Item " + n++, "", item.size() + " elements");
                    itemNode.getChildren().addAll(elements(item));
                    node.getChildren().add(itemNode);
                }
                nodes.add(node);
                continue;
            }
            nodes.add(new DataSetNode(tag(tag), keyword(tag), vr == null ? "" : vr.name(), valueText(ds, tag, vr, value)));
        }
        return nodes;
    }

    static String valueText(Attributes ds, int tag, VR vr, Object value) {
        if (value == null) {
            return "";
        }
        String text;
        try {
            if (value instanceof BulkData || value instanceof Fragments) {
                text = "(" + length(value) + " bytes)";
            } else if (vr != null && vr.kind() != VR.Kind.BINARY) {
                String[] values = ds.getStrings(tag);
                text = values == null ? "" : String.join("\\", values);
            } else if (vr == VR.FL || vr == VR.FD) {
                text = numbers(ds.getDoubles(tag));
            } else if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL || vr == VR.AT) {
                text = numbers(ds.getInts(tag));
            } else if (value instanceof byte[] b) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < Math.min(b.length, MAX_NUMBERS * 2); i++) {
                    s.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
                }
                text = s + (b.length > MAX_NUMBERS * 2 ? " … (" + b.length + " bytes)" : "");
            } else {
                text = String.valueOf(value);
            }
        } catch (RuntimeException e) {
            text = "(cannot be decoded: " + e.getMessage() + ")";
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    private static String numbers(int[] v) {
        if (v == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(v.length, MAX_NUMBERS); i++) {
            s.append(i == 0 ? "" : "\\").append(v[i]);
        }
        return s + (v.length > MAX_NUMBERS ? "\\… (" + v.length + " values)" : "");
    }

    private static String numbers(double[] v) {
        if (v == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(v.length, MAX_NUMBERS); i++) {
            s.append(i == 0 ? "" : "\\").append(v[i]);
        }
        return s + (v.length > MAX_NUMBERS ? "\\… (" + v.length + " values)" : "");
    }

    static long length(Object value) {
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BulkData bulk) {
            return bulk.length();
        }
        if (value instanceof Fragments f) {
            long n = 0;
            for (int i = 0; i < f.size(); i++) {
                n += Math.max(0, f.length(i));
            }
            return n;
        }
        return 0;
    }

    static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    static String keyword(int tag) {
        String k = ElementDictionary.standard().keywordOf(tag);
        return k == null ? "" : k;
    }
}
