package io.tessera.bench.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 512x512 16-bit CT as the benchmarks use it: a realistic header (about 80 elements, two sequences) and pixels. */
final class CtHeader {
    private CtHeader() {
    }

    static Attributes header(int frames) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, frames > 1 ? "1.2.840.10008.5.1.4.1.1.2.1" : "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.271828182845904523536028747135266249775");
        ds.setString(Tag.StudyDate, VR.DA, "20240131");
        ds.setString(Tag.SeriesDate, VR.DA, "20240131");
        ds.setString(Tag.AcquisitionDate, VR.DA, "20240131");
        ds.setString(Tag.ContentDate, VR.DA, "20240131");
        ds.setString(Tag.StudyTime, VR.TM, "101500.25");
        ds.setString(Tag.SeriesTime, VR.TM, "101501");
        ds.setString(Tag.AcquisitionTime, VR.TM, "101502.123456");
        ds.setString(Tag.ContentTime, VR.TM, "101503");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC0001");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "Tessera");
        ds.setString(Tag.InstitutionName, VR.LO, "Tessera General Hospital");
        ds.setNull(Tag.ReferringPhysicianName, VR.PN);
        ds.setString(Tag.StudyDescription, VR.LO, "CT HEAD WITHOUT CONTRAST");
        ds.setString(Tag.SeriesDescription, VR.LO, "AXIAL 1.25MM");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Benchmark 9000");
        Sequence ref = ds.newSequence(Tag.ReferencedImageSequence, 2);
        for (int i = 0; i < 2; i++) {
            Attributes item = new Attributes();
            ref.add(item);
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.27182818284590452353602874713526624977" + i);
        }
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jörg");
        ds.setString(Tag.PatientID, VR.LO, "PID0001");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "M");
        ds.setString(Tag.PatientAge, VR.AS, "054Y");
        ds.setString(Tag.BodyPartExamined, VR.CS, "HEAD");
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, VR.DS, "500");
        ds.setString(Tag.SoftwareVersions, VR.LO, "1.0");
        ds.setString(Tag.ReconstructionDiameter, VR.DS, "256");
        ds.setString(Tag.GantryDetectorTilt, VR.DS, "0");
        ds.setString(Tag.TableHeight, VR.DS, "160");
        ds.setString(Tag.RotationDirection, VR.CS, "CW");
        ds.setString(Tag.ExposureTime, VR.IS, "1000");
        ds.setString(Tag.XRayTubeCurrent, VR.IS, "200");
        ds.setString(Tag.Exposure, VR.IS, "200");
        ds.setString(Tag.ConvolutionKernel, VR.SH, "H30s");
        ds.setString(Tag.PatientPosition, VR.CS, "HFS");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.314159265358979323846264338327950288419");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.314159265358979323846264338327950288420");
        ds.setString(Tag.StudyID, VR.SH, "STUDY1");
        ds.setString(Tag.SeriesNumber, VR.IS, "2");
        ds.setString(Tag.AcquisitionNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, "42");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-127.75", "-127.75", "-40.5");
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "2.25.314159265358979323846264338327950288421");
        ds.setNull(Tag.PositionReferenceIndicator, VR.LO);
        ds.setString(Tag.SliceLocation, VR.DS, "-40.5");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        if (frames > 1) {
            ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
        }
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.5", "0.5");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "400");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "2000");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "BRAIN", "BONE");
        int creator = ds.privateTag("TESSERA BENCH", 0x00290010, true);
        ds.setString(creator, VR.LO, "private value");
        return ds;
    }

    /** A Part 10 CT file in Explicit VR Little Endian, 512x512x16 bit pixels, in memory. */
    static byte[] file() throws IOException {
        Attributes ds = header(1);
        byte[] px = new byte[512 * 512 * 2];
        for (int i = 0; i < px.length; i += 2) {
            int v = (i / 2 * 7) & 0x0FFF;
            px[i] = (byte) v;
            px[i + 1] = (byte) (v >> 8);
        }
        ds.setBytes(Tag.PixelData, VR.OW, px);
        ByteArrayOutputStream bout = new ByteArrayOutputStream(px.length + 4096);
        try (DicomOutputStream out = new DicomOutputStream(bout)) {
            out.writeFileMetaInformation(FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
            out.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return bout.toByteArray();
    }

    /** The file named on the command line, or the generated CT. */
    static byte[] fileOrArg(String[] args) throws IOException {
        return args.length > 0 && !args[0].isEmpty() && !args[0].equals("-") ? Files.readAllBytes(Path.of(args[0])) : file();
    }
}
