package io.tessera.dicom.data;

/**
 * Receives the elements of one data set in ascending tag order ({@link Attributes#forEach}).
 * {@code value} is what {@link Attributes#getValue} returns: raw bytes in the data set's byte order,
 * a {@link Sequence}, {@link Fragments} or {@link BulkData}.
 */
@FunctionalInterface
public interface ElementVisitor {
    void visit(int tag, VR vr, Object value);
}
