package org.arrival.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The harness starts real servers: PostgreSQL 16 answering SQL, a Kafka broker creating topics. */
class HarnessTest {

    @Test
    void postgresIsARealServerAndEachCallerGetsItsOwnDatabase() throws Exception {
        String a = EmbeddedPostgres.newDatabase("harness");
        String b = EmbeddedPostgres.newDatabase("harness");
        assertThat(a).isNotEqualTo(b);
        try (Connection c = DriverManager.getConnection(a, EmbeddedPostgres.user(), EmbeddedPostgres.password());
                ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(160000);
        }
    }

    @Test
    void kafkaIsARealBroker() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("harness.probe", 2, (short) 1)))
                    .all()
                    .get();
            assertThat(admin.describeTopics(List.of("harness.probe"))
                            .allTopicNames()
                            .get()
                            .get("harness.probe")
                            .partitions())
                    .hasSize(2);
        }
    }

    @Test
    void tokensAreSignedAndTheirKeyIsPublished() throws Exception {
        TestTokenIssuer issuer = TestTokenIssuer.instance();
        String token =
                issuer.user("amina", java.util.UUID.randomUUID(), "member").encode();
        var jwt = com.nimbusds.jwt.SignedJWT.parse(token);
        String jwks = new String(
                java.net.URI.create(issuer.jwkSetUri()).toURL().openStream().readAllBytes());
        var key = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        var forged = com.nimbusds.jwt.SignedJWT.parse(issuer.user("mallory", null, "platform-admin")
                .signedByStranger()
                .encode());
        assertThat(forged.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key)))
                .isFalse();
    }

    @Test
    void architectureCheckRefusesToPassOnNoClassesAndHoldsForTheHarness() {
        assertThatThrownBy(() -> ArrivalArchitecture.verifyService("nonexistentservice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no classes");
        ArrivalArchitecture.verifyLibrary("platform.testing");
    }
}
