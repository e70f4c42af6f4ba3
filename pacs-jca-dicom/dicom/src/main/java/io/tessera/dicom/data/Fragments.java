package io.tessera.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 §A.4): a sequence of items of undefined total length, kept as compressed bytes.
 * Item 0 is the Basic Offset Table (may be empty); the others are fragments of the compressed frames.
 * Each item is a {@code byte[]} or a {@link BulkData} reference.
 */
public final class Fragments {
    private final VR vr;
    private final boolean bigEndian;
    private final List<Object> items;

    public Fragments(VR vr, boolean bigEndian, int initialCapacity) {
        this.vr = vr;
        this.bigEndian = bigEndian;
        this.items = new ArrayList<>(Math.max(0, initialCapacity));
    }

    public Fragments(VR vr) {
        this(vr, false, 4);
    }

    /** OB normally; OW where an old writer said so (the fragment bytes are never swapped). */
    public VR vr() {
        return vr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** The items, Basic Offset Table first. Mutable. */
    public List<Object> items() {
        return items;
    }

    /** Adds an item: byte[] or BulkData. */
    public Fragments add(Object item) {
        if (!(item instanceof byte[]) && !(item instanceof BulkData)) {
            throw new IllegalArgumentException("A fragment is byte[] or BulkData, not " + item);
        }
        items.add(item);
        return this;
    }

    public int size() {
        return items.size();
    }

    /** Length of item i in bytes. */
    public long length(int i) {
        Object o = items.get(i);
        return o instanceof byte[] b ? b.length : ((BulkData) o).length();
    }

    @Override
    public String toString() {
        return "Fragments[" + vr + ", " + items.size() + " items]";
    }
}
