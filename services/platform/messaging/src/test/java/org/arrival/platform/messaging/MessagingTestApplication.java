package org.arrival.platform.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that uses the messaging library: outbox, relay, and a test listener. */
@SpringBootApplication
public class MessagingTestApplication {}
