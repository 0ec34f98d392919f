package org.arrival.assessments.checklist.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and validates the bundled checklist at start-up, so a broken instrument stops the service from starting. */
@Configuration(proxyBeanMethods = false)
public class ChecklistReferenceConfiguration {

    @Bean
    public InstrumentCatalogue instrumentCatalogue() {
        return InstrumentCatalogue.bundled();
    }
}
