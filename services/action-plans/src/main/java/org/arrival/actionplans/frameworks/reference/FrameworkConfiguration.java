package org.arrival.actionplans.frameworks.reference;

import org.arrival.actionplans.frameworks.domain.FrameworkCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and validates the bundled framework catalogue at start-up: a broken catalogue stops the service. */
@Configuration(proxyBeanMethods = false)
public class FrameworkConfiguration {

    @Bean
    public FrameworkCatalogue frameworkCatalogue() {
        return FrameworkReader.bundled();
    }
}
