package io.tessera.pacs.it;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Many distinct CT images, quickly, for load and crash tests: written with the project's own writer. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * {@code count} CT images of {@code size}×{@code size} 16-bit pixels, in {@code studies} studies of one series
     * each, UIDs under {@code root}. Explicit VR Little Endian Part 10 files in {@code dir}.
     */
    public static List<Path> ct(Path dir, String root, int count, int studies, int size) {
        try {
            Files.createDirectories(dir);
            byte[] pixels = new byte[size * size * 2];
            for (int i = 0; i < pixels.length; i += 2) {
                int v = (i / 2) % 4096;
                pixels[i] = (byte) v;
                pixels[i + 1] = (byte) (v >> 8);
            }
            List<Path> files = new ArrayList<>(count);
            for (int n = 1; n <= count; n++) {
                int study = (n - 1) % studies + 1;
                String iuid = root + ".3." + n;
                Attributes ds = new Attributes();
                ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
                ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
                ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
                ds.setString(Tag.StudyDate, VR.DA, "20261125");
                ds.setString(Tag.Modality, VR.CS, "CT");
                ds.setString(Tag.PatientName, VR.PN, "Load^Patient" + study);
                ds.setString(Tag.PatientID, VR.LO, "LOAD-" + study);
                ds.setString(Tag.StudyInstanceUID, VR.UI, root + ".1." + study);
                ds.setString(Tag.SeriesInstanceUID, VR.UI, root + ".2." + study);
                ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(n));
                ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
                ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
                ds.setInt(Tag.Rows, VR.US, size);
                ds.setInt(Tag.Columns, VR.US, size);
                ds.setInt(Tag.BitsAllocated, VR.US, 16);
                ds.setInt(Tag.BitsStored, VR.US, 12);
                ds.setInt(Tag.HighBit, VR.US, 11);
                ds.setInt(Tag.PixelRepresentation, VR.US, 0);
                ds.setBytes(Tag.PixelData, VR.OW, pixels);
                Path file = dir.resolve(n + ".dcm");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 65536);
                     DicomOutputStream dos = new DicomOutputStream(out)) {
                    dos.writeFileMetaInformation(FileMetaInformation.create(UID.CTImageStorage, iuid,
                            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
                    dos.writeDataset(ds);
                }
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the files (in place) with this Patient ID and Referring Physician's Name (either null: unchanged), as
     * a routing rule's key attributes.
     */
    public static List<Path> withKeys(List<Path> files, String patientId, String referringPhysicianName) {
        try {
            for (Path file : files) {
                Attributes fmi;
                Attributes ds;
                try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 65536)) {
                    io.tessera.dicom.io.DicomInputStream dis = new io.tessera.dicom.io.DicomInputStream(in);
                    fmi = dis.readFileMetaInformation();
                    ds = dis.readDataset();
                }
                if (patientId != null) {
                    ds.setString(Tag.PatientID, VR.LO, patientId);
                }
                if (referringPhysicianName != null) {
                    ds.setString(Tag.ReferringPhysicianName, VR.PN, referringPhysicianName);
                }
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 65536);
                     DicomOutputStream dos = new DicomOutputStream(out)) {
                    dos.writeFileMetaInformation(fmi);
                    dos.writeDataset(ds);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
