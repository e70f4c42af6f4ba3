package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM over TLS on the listener's second port (PS3.15 Annex B.1): dcmtk's echoscu and our SCU. */
class TlsTest {

    @Test
    void echoOverTls(@TempDir Path dir) throws Exception {
        assumeTrue(NetTestSupport.dcmtk("echoscu", "openssl"), "dcmtk or openssl missing");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Path p12 = dir.resolve("server.p12");
        Run r = NetTestSupport.run(30, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost");
        assertEquals(0, r.exit(), r.output());
        r = NetTestSupport.run(30, "openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(),
                "-out", p12.toString(), "-passout", "pass:secret");
        assertEquals(0, r.exit(), r.output());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("server", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        ThreadPoolExecutor executor = NetTestSupport.executor("tls-test");
        DicomListener listener = new DicomListener(new AssociationSettings(),
                NetTestSupport.acceptor(null, executor, Set.of(KNOWN_AE)), executor)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0).tls(0, ctx, false);
        listener.start();
        try {
            assertTrue(listener.tlsPort() > 0 && listener.tlsPort() != listener.port());
            Run echo = NetTestSupport.run(30, "echoscu", "-v", "+tls", key.toString(), cert.toString(), "-ic",
                    "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(listener.tlsPort()));
            assertEquals(0, echo.exit(), echo.output());
            assertTrue(echo.output().contains("Received Echo Response (Success)"), echo.output());

            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle(KNOWN_AE);
            rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
            Connector tls = new Connector(new AssociationSettings(), executor).tls(ctx);
            try (Scu scu = Scu.open(tls, "localhost", listener.tlsPort(), rq)) {
                DimseResponse rsp = scu.echo();
                assertEquals(Status.SUCCESS, rsp.status());
            }
            // the plain port still speaks plain DICOM
            Run plain = NetTestSupport.run(30, "echoscu", "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(listener.port()));
            assertEquals(0, plain.exit(), plain.output());
        } finally {
            listener.close();
            executor.shutdownNow();
        }
    }
}
