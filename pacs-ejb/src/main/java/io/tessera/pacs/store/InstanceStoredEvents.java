package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instance-stored event (issue 5): one message per stored instance on {@value #QUEUE}, sent after the index has
 * committed, carrying what routing, the archive provider and storage management need; and one per study on
 * {@value #STUDY_QUEUE} when the association that stored it ends.
 *
 * <p>Sent asynchronously, outside the index transaction, on purpose: an XA send with two-phase commit cost about 30 ms per image
 * (measured, docs/performance.md), more than everything else in a C-STORE together. The index row is the truth and
 * the message the wake-up: a consumer that must not miss an instance also reads the index for instances newer than
 * what it has handled, which covers the one message a crash between commit and send can lose.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@JMSDestinationDefinition(name = InstanceStoredEvents.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = "TesseraInstanceStored", description = "One message per stored instance (store → route, archive, storage)")
@JMSDestinationDefinition(name = InstanceStoredEvents.STUDY_QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = "TesseraStudyReceived", description = "One message per study per association that stored it")
public class InstanceStoredEvents {
    public static final String QUEUE = "java:global/jms/tessera/InstanceStored";
    public static final String STUDY_QUEUE = "java:global/jms/tessera/StudyReceived";
    private static final Logger LOG = Logger.getLogger(InstanceStoredEvents.class.getName());

    /** In-VM, no XA, durable sends not waiting for the journal (wildfly-config configure.cli). */
    @Resource(lookup = "java:/jms/tessera/EventsConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = QUEUE)
    private Queue queue;

    @Resource(lookup = STUDY_QUEUE)
    private Queue studyQueue;

    private JMSContext context;

    @PostConstruct
    void open() {
        context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @PreDestroy
    void close() {
        context.close();
    }

    /**
     * Wake-ups, not records: non-persistent (no journal write, no paging sync per image) and kept a day at most, so
     * that a queue nobody consumes yet does not grow without end. A consumer reconciles with the index.
     */
    private jakarta.jms.JMSProducer producer() {
        return context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(java.time.Duration.ofDays(1).toMillis());
    }

    /** Queued from a container thread, so the C-STORE response does not wait for the send. */
    @Asynchronous
    public void instanceStored(Attributes ds, ReceivedFileInfo file, String sourceAe, boolean replaced) {
        try {
            MapMessage m = context.createMapMessage();
            m.setString("sopInstanceUid", ds.getString(Tag.SOPInstanceUID));
            m.setString("sopClassUid", ds.getString(Tag.SOPClassUID));
            m.setString("seriesInstanceUid", ds.getString(Tag.SeriesInstanceUID));
            m.setString("studyInstanceUid", ds.getString(Tag.StudyInstanceUID));
            m.setString("patientId", IndexedAttributes.patientId(ds));
            m.setString("issuerOfPatientId", IndexedAttributes.issuer(ds));
            m.setString("referringPhysicianName", ds.getString(Tag.ReferringPhysicianName));
            m.setString("modality", ds.getString(Tag.Modality));
            m.setString("sourceAe", sourceAe);
            m.setString("storageArea", file.area().toString());
            m.setString("filePath", file.relativePath());
            m.setLong("fileSize", file.size());
            m.setString("transferSyntaxUid", file.transferSyntaxUid());
            m.setString("storageFormat", file.format().name());
            m.setBoolean("replaced", replaced);
            producer().send(queue, m);
        } catch (JMSException | JMSRuntimeException e) {
            // the instance is stored and indexed; the index is the truth the consumers reconcile with
            LOG.log(Level.SEVERE, "Instance-stored event for " + ds.getString(Tag.SOPInstanceUID) + " not queued", e);
        }
    }

    /** The association that stored instances of a study ended: the study-level summary. */
    @Asynchronous
    public void studyReceived(String studyInstanceUid, String patientId, String sourceAe, int instances) {
        try {
            MapMessage m = context.createMapMessage();
            m.setString("studyInstanceUid", studyInstanceUid);
            m.setString("patientId", patientId);
            m.setString("sourceAe", sourceAe);
            m.setInt("instancesReceived", instances);
            producer().send(studyQueue, m);
        } catch (JMSException | JMSRuntimeException e) {
            LOG.log(Level.SEVERE, "Study-received event for " + studyInstanceUid + " not queued", e);
        }
    }
}
