package io.tessera.dicom.io;

import io.tessera.dicom.Implementation;
import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;

/**
 * File Meta Information (PS3.10 §7.1, group 0002). The group length (0002,0000) is left out here and computed by
 * {@link DicomOutputStream#writeFileMetaInformation} from what is actually written.
 */
public final class FileMetaInformation {
    private FileMetaInformation() {
    }

    /** Version 00\01, the SOP Class and Instance of the data set, its transfer syntax, and this implementation. */
    public static Attributes create(String sopClassUID, String sopInstanceUID, String transferSyntaxUID) {
        Attributes fmi = new Attributes(false, 8);
        fmi.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        fmi.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUID);
        fmi.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUID);
        fmi.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUID);
        fmi.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
        fmi.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
        return fmi;
    }

    /** Meta information for a data set, from its SOP Class UID (0008,0016) and SOP Instance UID (0008,0018). */
    public static Attributes create(Attributes dataset, String transferSyntaxUID) {
        String cuid = dataset.getString(Tag.SOPClassUID);
        String iuid = dataset.getString(Tag.SOPInstanceUID);
        if (cuid == null || iuid == null) {
            throw new IllegalArgumentException("Data set lacks SOP Class UID or SOP Instance UID");
        }
        return create(cuid, iuid, transferSyntaxUID);
    }
}
