package io.tessera.pacs.route;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the forward queue's wake-ups and drains the named destination's due tasks ({@link ForwardSender}). Not
 * transacted: an association can outlast any transaction, and the task rows — not the message — say what is left.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ForwardQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ForwardConsumer implements MessageListener {
    private static final Logger LOG = Logger.getLogger(ForwardConsumer.class.getName());

    @EJB
    private ForwardSender sender;

    @EJB
    private ForwardProgress progress;

    @Override
    public void onMessage(Message message) {
        String destination = null;
        try {
            destination = ((TextMessage) message).getText();
            progress.wakeUpTaken(destination);
            sender.drain(destination);
        } catch (JMSException | RuntimeException e) {
            // the dispatcher wakes the destination again while it has due tasks
            LOG.log(Level.WARNING, "Forwarding to " + destination + " stopped", e);
        }
    }
}
