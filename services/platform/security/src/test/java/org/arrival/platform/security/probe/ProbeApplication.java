package org.arrival.platform.security.probe;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service that uses the platform security library, for {@code ProbeWebTest}. */
@SpringBootApplication
public class ProbeApplication {}
