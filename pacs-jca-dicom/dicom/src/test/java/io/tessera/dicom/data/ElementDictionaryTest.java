package io.tessera.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    private static final Path DICOM_DIC = Path.of("/usr/share/libdcmtk17/dicom.dic");
    private final ElementDictionary dict = ElementDictionary.standard();

    @Test
    void knownElements() {
        assertEquals(VR.PN, dict.vrOf(Tag.PatientName));
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals("PatientName", dict.keywordOf(0x00100010));
        assertEquals("Patient Name", dict.nameOf(0x00100010));
        assertEquals("1", dict.vmOf(0x00100010));
        assertEquals(0x00100010, dict.tagForKeyword("PatientName"));
        assertEquals(VR.SQ, dict.vrOf(Tag.ReferencedSOPSequence));
        assertEquals("2-n", dict.vmOf(Tag.ImageType));
        assertEquals(-1, dict.tagForKeyword("NoSuchKeyword"));
    }

    @Test
    void multiVrEntriesResolveAsDcmtkReadsImplicitVR() {
        // PS3.6 "OB or OW": Implicit VR Little Endian pixel data is OW (PS3.5 §A.1).
        assertEquals(VR.OW, dict.vrOf(Tag.PixelData));
        assertTrue(dict.hasMultipleVRs(Tag.PixelData));
        // PS3.6 "US or SS": US unless Pixel Representation says signed.
        assertEquals(VR.US, dict.vrOf(0x00280106));
        assertEquals("SmallestImagePixelValue", dict.keywordOf(0x00280106));
        assertEquals(VR.OW, dict.vrOf(Tag.LUTData));
        assertEquals(VR.UL, dict.vrOf(Tag.OffsetOfTheNextDirectoryRecord));
        assertFalse(dict.hasMultipleVRs(Tag.PatientName));
    }

    @Test
    void repeatingGroups() {
        // (60xx,3000) Overlay Data, PS3.5 §7.6: even groups 6000-601E.
        assertEquals(VR.OW, dict.vrOf(0x60023000));
        assertEquals("OverlayData", dict.keywordOf(0x60023000));
        assertEquals(VR.US, dict.vrOf(0x601E0010));
        assertEquals(0x60003000, dict.tagForKeyword("OverlayData"));
        // (50xx,xxxx) retired curve data.
        assertEquals("CurveData", dict.keywordOf(0x50043000));
        assertTrue(dict.isRetired(0x50043000));
        // (6001,3000) is private (odd group), not overlay data.
        assertEquals(VR.UN, dict.vrOf(0x60013000));
    }

    @Test
    void groupLengthAndPrivateElements() {
        assertEquals(VR.UL, dict.vrOf(0x00080000));
        assertEquals(VR.UL, dict.vrOf(0x00280000));
        assertEquals(VR.UL, dict.vrOf(0x00290000));
        assertEquals(VR.UL, dict.vrOf(0x00020000));
        // Private creator (gggg,0010-00FF) in an odd group, PS3.5 §7.8.1.
        assertEquals(VR.LO, dict.vrOf(0x00290010));
        assertEquals(VR.LO, dict.vrOf(0x000900FF));
        assertEquals(VR.UN, dict.vrOf(0x00291010));
        assertEquals(VR.UN, dict.vrOf(0x00090100));
        assertNull(dict.keywordOf(0x00291010));
        // Unknown standard element.
        assertEquals(VR.UN, dict.vrOf(0x0008FFFE));
    }

    @Test
    void retiredKeywordsHaveNoPrefix() {
        assertEquals("SmallestValidPixelValue", dict.keywordOf(0x00280104));
        assertTrue(dict.isRetired(0x00280104));
        assertEquals(0x00280104, Tag.SmallestValidPixelValue);
    }

    @Test
    void entryCountMatchesDicomDic() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(DICOM_DIC), "dcmtk's dicom.dic not installed");
        long lines;
        try (var s = Files.lines(DICOM_DIC)) {
            lines = s.filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        assertEquals(lines, dict.size());
    }

    @Test
    void uids() {
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
        assertEquals("1.2.840.10008.1.2", UID.ImplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2.1.99", UID.DeflatedExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2.2", UID.ExplicitVRBigEndian);
        assertEquals("1.2.840.10008.1.2.4.50", UID.JPEGBaseline8Bit);
        assertEquals("1.2.840.10008.1.2.5", UID.RLELossless);
        assertEquals("CT Image Storage", UID.nameOf(UID.CTImageStorage));
        assertEquals("1.2.3.4", UID.nameOf("1.2.3.4"));

        assertTrue(UID.isStorageSOPClass(UID.CTImageStorage));
        assertTrue(UID.isStorageSOPClass(UID.EncapsulatedPDFStorage));
        assertTrue(UID.isStorageSOPClass(UID.BasicTextSRStorage));
        assertTrue(UID.isStorageSOPClass(UID.RTPlanStorage));
        assertTrue(UID.isStorageSOPClass(UID.HangingProtocolStorage));
        assertFalse(UID.isStorageSOPClass(UID.MediaStorageDirectoryStorage));
        assertFalse(UID.isStorageSOPClass(UID.VerificationSOPClass));
        assertFalse(UID.isStorageSOPClass(UID.ExplicitVRLittleEndian));
        assertTrue(UID.storageSOPClasses().contains(UID.MRImageStorage));
        assertTrue(UID.storageSOPClasses().size() > 150);

        assertTrue(UID.isTransferSyntax(UID.JPEGLossless));
        assertTrue(UID.isTransferSyntax("1.2.840.10008.1.2.4.70"));
        assertFalse(UID.isTransferSyntax(UID.CTImageStorage));
        assertFalse(UID.isTransferSyntax(UID.LDAP_dicomTransferSyntax));
    }
}
