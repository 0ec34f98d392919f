package org.arrival.notifications.mail;

import org.arrival.notifications.NotificationsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that send real e-mail: the service's context pointed at the JVM's GreenMail server. All its
 * subclasses share this one context (a second one besides the service suite's); it consumes no events, so it
 * neither takes partitions from the suite's consumers nor sees their events: its listeners do not start, and as
 * Spring starts them anyway when it resumes a paused test context, each test stops them again.
 */
public abstract class MailTestSupport extends NotificationsIntegrationTest {

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        SmtpServer.start();
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", SmtpServer::port);
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Autowired
    ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    @BeforeEach
    void noEventConsumers() {
        listeners.ifAvailable(registry -> {
            if (registry.isRunning()) {
                registry.stop();
            }
        });
    }

    @BeforeEach
    void smtpServerRunning() {
        // a test that stopped it may have failed before starting it again
        SmtpServer.start();
    }
}
