package org.arrival.platform.directory;

import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service that includes this library (and its migration location {@code classpath:db/directory}) keeps a
 * replica of the registry's organisations and forum seats, and decides who may read what from it.
 */
@AutoConfiguration(afterName = "org.arrival.platform.messaging.MessagingAutoConfiguration")
public class DirectoryAutoConfiguration {

    @Bean
    public Organisations organisations(JdbcTemplate jdbc) {
        return new Organisations(jdbc);
    }

    @Bean
    public RegistryReplica registryReplica(IdempotentHandling handling, JdbcTemplate jdbc) {
        return new RegistryReplica(handling, jdbc);
    }
}
