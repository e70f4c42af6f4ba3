package io.tessera.dicom.data;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The value of an SQ element (PS3.5 §7.5): items, each a nested {@link Attributes} whose parent is the data set
 * holding the sequence (so items inherit its Specific Character Set, PS3.5 §7.5.3).
 * {@link #undefinedLength()} remembers how the sequence was encoded so an unchanged data set writes back identically.
 */
public final class Sequence extends ArrayList<Attributes> {
    private static final long serialVersionUID = 1L;

    private final transient Attributes parent;
    private boolean undefinedLength;

    public Sequence(Attributes parent, int initialCapacity) {
        super(Math.max(0, initialCapacity));
        this.parent = parent;
    }

    /** The data set holding this sequence. */
    public Attributes parent() {
        return parent;
    }

    /** True when the sequence is (to be) written with undefined length and a Sequence Delimitation Item. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    @Override
    public boolean add(Attributes item) {
        adopt(item);
        return super.add(item);
    }

    @Override
    public void add(int index, Attributes item) {
        adopt(item);
        super.add(index, item);
    }

    @Override
    public Attributes set(int index, Attributes item) {
        adopt(item);
        return super.set(index, item);
    }

    @Override
    public boolean addAll(Collection<? extends Attributes> items) {
        items.forEach(this::adopt);
        return super.addAll(items);
    }

    @Override
    public boolean addAll(int index, Collection<? extends Attributes> items) {
        items.forEach(this::adopt);
        return super.addAll(index, items);
    }

    private void adopt(Attributes item) {
        if (item == null) {
            throw new NullPointerException("null item");
        }
        item.setParent(parent);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
