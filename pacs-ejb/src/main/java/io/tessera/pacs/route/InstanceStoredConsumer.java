package io.tessera.pacs.route;

import io.tessera.pacs.store.InstanceStoredEvents;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the instance-stored event (queue TesseraInstanceStored) and hands the instance to the {@link Router}.
 * Not transacted: the event is a wake-up; an instance whose event is lost is found by the router's sweep.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = InstanceStoredEvents.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceStoredConsumer implements MessageListener {
    private static final Logger LOG = Logger.getLogger(InstanceStoredConsumer.class.getName());

    @EJB
    private Router router;

    @Override
    public void onMessage(Message message) {
        try {
            MapMessage m = (MapMessage) message;
            String uid = m.getString("sopInstanceUid");
            if (uid != null) {
                router.instanceStored(uid, m.itemExists("replaced") && m.getBoolean("replaced"), m.getString("sourceAe"),
                        m.getString("patientId"));
            }
        } catch (JMSException | RuntimeException e) {
            // the router's sweep routes the instance from the index
            LOG.log(Level.WARNING, "Instance-stored event not routed now; the sweep will", e);
        }
    }
}
