package io.tessera.pacs.admin;

import jakarta.ejb.EJBException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the PACS's MBeans ({@code io.tessera.pacs:service=…}) with the server's MBean server, which WildFly
 * exposes to remote JMX clients on the management port (README, "JMX"). A redeployment replaces the old instance.
 */
public final class PlatformMBeans {

    private PlatformMBeans() {
    }

    public static ObjectName register(Object mbean, String objectName) {
        try {
            ObjectName name = new ObjectName(objectName);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            return name;
        } catch (JMException e) {
            throw new EJBException("Cannot register " + objectName, e);
        }
    }

    public static void unregister(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // already gone: nothing to undo
        }
    }
}
