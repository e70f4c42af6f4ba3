package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DataWriter;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N-services of our SCU against dcmtk's print SCP (dcmprscp), through the Basic Grayscale Print Management Meta SOP
 * Class: N-GET of the Printer, N-CREATE, N-SET and N-DELETE of a Basic Film Session (PS3.4 Annex H).
 */
class PrintScuInteropTest {

    static final String META = "1.2.840.10008.5.1.1.9";
    static final String PRINTER = "1.2.840.10008.5.1.1.16";
    static final String PRINTER_INSTANCE = "1.2.840.10008.5.1.1.17";
    static final String FILM_SESSION = "1.2.840.10008.5.1.1.1";

    @Test
    void nGetNCreateNSetNDeleteAgainstDcmprscp(@TempDir Path dir) throws Exception {
        assumeTrue(NetTestSupport.dcmtk("dcmprscp"), "dcmtk dcmprscp not installed");
        int port = NetTestSupport.freePort();
        Files.createDirectories(dir.resolve("spool"));
        Files.createDirectories(dir.resolve("db"));
        Path cfg = dir.resolve("dcmpstat.cfg");
        Files.writeString(cfg, "[[GENERAL]]\n[PRINT]\nDirectory = " + dir.resolve("spool") + "\n"
                + "[DATABASE]\nDirectory = " + dir.resolve("db") + "\n"
                + "[[COMMUNICATION]]\n[PRINTSCP]\nAetitle = PRINTSCP\nDescription = test printer\n"
                + "Hostname = localhost\nPort = " + port + "\nType = LOCALPRINTER\nDisplayFormat = 1,1\\2,2\n"
                + "FilmSizeID = 8INX10IN\\14INX17IN\nMediumType = PAPER\\CLEAR FILM\nMaxPDU = 16384\n"
                + "MaxDensity = 320\nMinDensity = 20\nImplicitOnly = false\nDisableNewVRs = false\n"
                + "SupportsPresentationLUT = false\n");
        Process scp = NetTestSupport.startLogged(dir.resolve("dcmprscp.log"), "dcmprscp", "-c", cfg.toString(),
                "-p", "PRINTSCP");
        ThreadPoolExecutor ex = NetTestSupport.executor("print-test");
        try {
            Thread.sleep(500);
            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle(NetTestSupport.OUR_AE);
            rq.calledAeTitle("PRINTSCP");
            rq.addPresentationContext(META, UID.ImplicitVRLittleEndian);
            try (Scu scu = Scu.open(new Connector(new AssociationSettings(), ex), "127.0.0.1", port, rq)) {
                int pc = scu.presentationContext(META);

                DimseResponse printer = scu.invoke(pc, Commands.nGetRq(scu.nextMessageId(), PRINTER, PRINTER_INSTANCE,
                        Tag.PrinterStatus, Tag.PrinterStatusInfo), null, null);
                assertEquals(Status.SUCCESS, printer.status(), printer.toString());
                assertNotNull(printer.dataSet(), "N-GET-RSP carries the attribute list");
                assertEquals("NORMAL", printer.dataSet().getString(Tag.PrinterStatus));

                Attributes session = new Attributes();
                session.setString(Tag.NumberOfCopies, VR.IS, "1");
                session.setString(Tag.MediumType, VR.CS, "PAPER");
                DimseResponse created = scu.invoke(pc, Commands.nCreateRq(scu.nextMessageId(), FILM_SESSION, null,
                        true), DataWriter.of(session), null);
                assertEquals(Status.SUCCESS, created.status(), created.toString());
                String sessionUid = created.command().getString(Tag.AffectedSOPInstanceUID);
                assertNotNull(sessionUid, "the SCP assigned the film session's instance UID");

                Attributes change = new Attributes();
                change.setString(Tag.NumberOfCopies, VR.IS, "2");
                DimseResponse set = scu.invoke(pc, Commands.nSetRq(scu.nextMessageId(), FILM_SESSION, sessionUid),
                        DataWriter.of(change), null);
                assertTrue(Status.isSuccessOrWarning(set.status()), set.toString());

                DimseResponse deleted = scu.invoke(pc, Commands.nDeleteRq(scu.nextMessageId(), FILM_SESSION,
                        sessionUid), null, null);
                assertEquals(Status.SUCCESS, deleted.status(), deleted.toString());

                DimseResponse unknown = scu.invoke(pc, Commands.nDeleteRq(scu.nextMessageId(), FILM_SESSION,
                        sessionUid), null, null);
                assertEquals(Status.Kind.FAILURE, unknown.kind(), "deleting twice: " + unknown);
            }
        } finally {
            scp.destroy();
            scp.waitFor();
            ex.shutdownNow();
        }
    }
}
