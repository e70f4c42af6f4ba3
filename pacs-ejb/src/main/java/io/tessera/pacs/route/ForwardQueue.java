package io.tessera.pacs.route;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forward queue {@value #DESTINATION_NAME}: persistent wake-ups for the senders, one text message naming a
 * destination AE that has due tasks. At most one waits per destination (the sender that takes it drains every due
 * task of that destination), so a burst of 500 routed images does not become 500 messages. The task rows are the
 * truth: a wake-up lost in a crash is replaced by the dispatcher's timer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@JMSDestinationDefinition(name = ForwardQueue.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = ForwardQueue.DESTINATION_NAME, description = "Wake-ups of the forward-task senders (route)")
public class ForwardQueue {
    public static final String QUEUE = "java:global/jms/tessera/Forward";
    static final String DESTINATION_NAME = "TesseraForward";
    private static final Logger LOG = Logger.getLogger(ForwardQueue.class.getName());

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = QUEUE)
    private Queue queue;

    @EJB
    private ForwardProgress progress;

    private JMSContext context;

    @PostConstruct
    void open() {
        context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @PreDestroy
    void close() {
        context.close();
    }

    /** Wakes a sender for {@code destinationAe}, unless a wake-up for it is still waiting. */
    public void wake(String destinationAe) {
        if (!progress.wakeUpQueued(destinationAe)) {
            return;
        }
        try {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, destinationAe);
        } catch (JMSRuntimeException e) {
            progress.wakeUpTaken(destinationAe);
            LOG.log(Level.WARNING, "Wake-up for " + destinationAe + " not queued; the dispatcher retries", e);
        }
    }
}
