package io.tessera.bench.scale;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CT images bench/scale sends with storescu to measure C-STORE round trips at 1,000,000 instances and empty:
 * one study of 2 series per set, 512×512 16-bit pixels (514 KiB a file, as bench/run's), Explicit VR Little Endian
 * Part 10, written with the project's own writer (no dump2dcm per file: a set of 500 takes a second or two).
 * Each set has its own patient, study, series and SOP Instance UIDs, so nothing sent is ever a duplicate.
 *
 * <pre>
 * java -cp tessera-dicom.jar bench/src/main/java/io/tessera/bench/scale/ScaleImages.java DIR SET COUNT
 * </pre>
 */
public final class ScaleImages {
    private static final String ROOT = "2.25.94723047103852791650128460923401877019.7";

    private ScaleImages() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ScaleImages DIR SET COUNT");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int set = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int x = (i / 2) % 512 - 256;
            int y = (i / 2) / 512 - 256;
            int v = x * x + y * y < 200 * 200 ? 1024 + (x * y & 0x1FF) : 24; // a disc: some structure, not noise
            pixels[i] = (byte) v;
            pixels[i + 1] = (byte) (v >> 8);
        }
        String study = ROOT + "." + set;
        int perSeries = (count + 1) / 2;
        for (int n = 1; n <= count; n++) {
            int series = n <= perSeries ? 1 : 2;
            int instance = series == 1 ? n : n - perSeries;
            String sop = study + "." + series + "." + instance;
            Attributes ds = new Attributes();
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
            ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            ds.setString(Tag.InstanceCreationDate, VR.DA, "20261125");
            ds.setString(Tag.InstanceCreationTime, VR.TM, "101500");
            ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
            ds.setString(Tag.StudyDate, VR.DA, "20261125");
            ds.setString(Tag.SeriesDate, VR.DA, "20261125");
            ds.setString(Tag.StudyTime, VR.TM, "101000");
            ds.setString(Tag.SeriesTime, VR.TM, "10120" + series);
            ds.setString(Tag.AccessionNumber, VR.SH, "SCALE" + set);
            ds.setString(Tag.Modality, VR.CS, "CT");
            ds.setString(Tag.Manufacturer, VR.LO, "Tessera Bench");
            ds.setString(Tag.InstitutionName, VR.LO, "St. Elsewhere Hospital");
            ds.setString(Tag.ReferringPhysicianName, VR.PN, "House^Gregory");
            ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST ABDOMEN PELVIS W CONTRAST");
            ds.setString(Tag.SeriesDescription, VR.LO, series == 1 ? "AXIAL 1.25 MM SOFT TISSUE" : "AXIAL 1.25 MM LUNG");
            ds.setString(Tag.PatientName, VR.PN, "Scale^Bench" + set);
            ds.setString(Tag.PatientID, VR.LO, "SCALE-" + set);
            ds.setString(Tag.PatientBirthDate, VR.DA, "19650314");
            ds.setString(Tag.PatientSex, VR.CS, set % 2 == 0 ? "F" : "M");
            ds.setString(Tag.PatientAge, VR.AS, "061Y");
            ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
            ds.setString(Tag.SliceThickness, VR.DS, "1.25");
            ds.setString(Tag.KVP, VR.DS, "120");
            ds.setString(Tag.StudyInstanceUID, VR.UI, study);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, study + "." + series);
            ds.setString(Tag.StudyID, VR.SH, Integer.toString(set));
            ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(series));
            ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance));
            ds.setString(Tag.ImagePositionPatient, VR.DS, "-179.6484", "-179.6484",
                    String.format(Locale.ROOT, "%.2f", -1.25 * instance));
            ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, study + ".0");
            ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            ds.setInt(Tag.Rows, VR.US, 512);
            ds.setInt(Tag.Columns, VR.US, 512);
            ds.setString(Tag.PixelSpacing, VR.DS, "0.703125", "0.703125");
            ds.setInt(Tag.BitsAllocated, VR.US, 16);
            ds.setInt(Tag.BitsStored, VR.US, 12);
            ds.setInt(Tag.HighBit, VR.US, 11);
            ds.setInt(Tag.PixelRepresentation, VR.US, 0);
            ds.setString(Tag.WindowCenter, VR.DS, "40");
            ds.setString(Tag.WindowWidth, VR.DS, "400");
            ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
            ds.setString(Tag.RescaleSlope, VR.DS, "1");
            ds.setBytes(Tag.PixelData, VR.OW, pixels);
            Path file = dir.resolve(String.format(Locale.ROOT, "CT.%d.%d.%05d.dcm", set, series, instance));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 65536);
                 DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFileMetaInformation(FileMetaInformation.create(UID.CTImageStorage, sop,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
                dos.writeDataset(ds);
            }
        }
    }
}
