package org.arrival.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;

/** A service creates its topics unless told that an operator declares them. */
class TopicCreationTest {

    // never connected: the context is only built
    private final DataSource dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
            .withBean(DataSource.class, () -> dataSource)
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
            .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
            .withPropertyValues(
                    "arrival.messaging.service=registry",
                    "arrival.messaging.consumed-topics=arrival.registry.stakeholders.v1",
                    "arrival.messaging.relay.enabled=false");

    @Test
    void byDefaultTheServiceDeclaresItsTopicsAndTheDeadLetterTopicsOfThoseItReads() {
        runner.run(context -> {
            assertThat(context.getBean(MessagingProperties.class).createTopics())
                    .isTrue();
            assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
        });
    }

    @Test
    void withCreateTopicsOffItDeclaresNone() {
        runner.withPropertyValues("arrival.messaging.create-topics=false").run(context -> {
            assertThat(context.getBean(MessagingProperties.class).createTopics())
                    .isFalse();
            assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class);
        });
    }

    @Test
    void theEnvironmentVariableAsADeploymentSetsIt() {
        runner.withInitializer(context -> {
                    // as a deployment's environment variable, read the way a Spring Boot application reads it
                    MutablePropertySources sources = context.getEnvironment().getPropertySources();
                    sources.addFirst(new SystemEnvironmentPropertySource(
                            "deployment-systemEnvironment", Map.of("ARRIVAL_MESSAGING_CREATETOPICS", "false")));
                    ConfigurationPropertySources.attach(context.getEnvironment());
                })
                .run(context -> {
                    assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class);
                });
    }
}
