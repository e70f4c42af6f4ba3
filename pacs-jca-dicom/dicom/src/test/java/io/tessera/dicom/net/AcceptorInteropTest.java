package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static io.tessera.dicom.net.NetTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.net.NetTestSupport.Run;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** dcmtk's echoscu against our acceptor: accepted, rejected with the reason, any max PDU size the peer proposes. */
class AcceptorInteropTest {

    static ThreadPoolExecutor executor;
    static DicomListener listener;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("echoscu"), "dcmtk echoscu not installed");
        executor = NetTestSupport.executor("acceptor-test");
        listener = NetTestSupport.listener(new AssociationSettings(),
                NetTestSupport.acceptor(null, executor, Set.of(KNOWN_AE, "OTHER")), executor);
    }

    @AfterAll
    static void stop() {
        if (listener != null) {
            listener.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Test
    void echoscuFromKnownAeSucceeds() throws Exception {
        // the calling AE is matched case-insensitively; the called AE is not checked (001 §2.2)
        Run r = run(20, "echoscu", "-v", "-aet", "known_scu", "-aec", "WHATEVER", "127.0.0.1",
                String.valueOf(listener.port()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void echoscuFromUnknownAeIsRejectedWithTheReason() throws Exception {
        Run r = run(20, "echoscu", "-aet", "STRANGER", "127.0.0.1", String.valueOf(listener.port()));
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("Association Rejected"), r.output());
        assertTrue(r.output().contains("Rejected Permanent"), r.output());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 16384, 65536, 131072})
    void echoscuWithAnyMaxPduSucceeds(int maxPdu) throws Exception {
        Run r = run(20, "echoscu", "-v", "-pdu", String.valueOf(maxPdu), "-aet", KNOWN_AE, "127.0.0.1",
                String.valueOf(listener.port()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void echoscuReportsOurImplementation() throws Exception {
        Run r = run(20, "echoscu", "-d", "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(listener.port()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains(io.tessera.dicom.Implementation.CLASS_UID), r.output());
        assertTrue(r.output().contains(io.tessera.dicom.Implementation.VERSION_NAME), r.output());
    }
}
