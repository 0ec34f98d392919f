package org.arrival.notifications.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetGuardTest {

    /** Names resolve as a (possibly hostile) DNS says; literal addresses as themselves. */
    private static final Map<String, String[]> DNS = Map.of(
            "rebind.example", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example", new String[] {"169.254.169.254"},
            "internal.ngo.example", new String[] {"10.1.2.3", "192.168.1.20", "172.16.5.4", "fd12:3456::1"},
            "public.example", new String[] {"93.184.216.34", "2606:2800:220:1::1"});

    private static TargetGuard guard(boolean allowLoopback) {
        return new TargetGuard(allowLoopback, host -> {
            String[] names = DNS.get(host);
            if (names == null) {
                if (host.chars().anyMatch(Character::isLetter) && !host.contains(":")) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            InetAddress[] out = new InetAddress[names.length];
            for (int i = 0; i < names.length; i++) {
                out[i] = InetAddress.getByName(names[i]);
            }
            return out;
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://169.254.169.254/latest/meta-data/ | cloud metadata",
                "http://metadata.example/               | cloud metadata",
                "http://[fd00:ec2::254]/                | cloud metadata",
                "http://100.100.100.200/                | cloud metadata",
                "http://169.254.10.1/                   | link-local",
                "http://[fe80::1]/                      | link-local",
                "http://224.0.0.1/                      | multicast",
                "http://[ff02::1]/                      | multicast",
                "http://0.0.0.0:8080/                   | wildcard",
                "http://[::]/                           | wildcard",
                "http://127.0.0.1:8080/hook             | loopback",
                "http://127.9.9.9/                      | loopback",
                "http://[::1]/                          | loopback",
                "http://[::127.0.0.1]/                  | loopback",
                "http://[::ffff:169.254.169.254]/       | cloud metadata",
                "http://[64:ff9b::a9fe:a9fe]/           | cloud metadata",
                "https://rebind.example/                | loopback",
                "ftp://public.example/                  | scheme ftp is not allowed",
                "file:///etc/passwd                     | scheme file is not allowed",
                "http://user:pass@public.example/       | user name or password",
                "http://user@public.example/            | user name or password",
                "https://no.such.host.invalid/          | cannot be resolved",
                "not a url                              | not a valid URL",
                "/relative/path                         | not an absolute",
                "http:///no-host                        | names no valid host"
            })
    void refusesUnsafeTargetsWhenLoopbackIsNotAllowed(String url, String reason) {
        assertThatThrownBy(() -> guard(false).check(url))
                .isInstanceOf(UnsafeTarget.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aHostNameThatResolvesToLoopbackIsRefusedWithTheFlagOff() {
        // the real resolver: localhost is 127.0.0.1 and/or ::1
        assertThatThrownBy(() -> new TargetGuard(false).check("http://localhost:8080/hook"))
                .isInstanceOf(UnsafeTarget.class)
                .hasMessageContaining("loopback");
        assertThat(new TargetGuard(true).check("http://localhost:8080/hook").getHost())
                .isEqualTo("localhost");
    }

    @Test
    void loopbackIsAcceptedOnlyWhenAllowedButMetadataAndLinkLocalNeverAre() {
        assertThat(guard(true).check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(guard(true).check("http://[::1]/").getHost()).isEqualTo("[::1]");
        assertThatThrownBy(() -> guard(true).check("http://169.254.169.254/")).hasMessageContaining("metadata");
        assertThatThrownBy(() -> guard(true).check("http://[fe80::1]/")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> guard(true).check("http://0.0.0.0/")).hasMessageContaining("wildcard");
    }

    @Test
    void privateNetworksArePublicAndHttpIsAllowed() {
        assertThat(guard(false)
                        .check("https://internal.ngo.example/hooks/arrival")
                        .getScheme())
                .isEqualTo("https");
        assertThat(guard(false).check("http://10.0.0.5:8443/x").getHost()).isEqualTo("10.0.0.5");
        assertThat(guard(false).check("HTTPS://public.example/a?b=c").getPath()).isEqualTo("/a");
    }

    @Test
    void anUnresolvableHostIsToldApartFromARefusal() {
        UnsafeTarget dns = org.junit.jupiter.api.Assertions.assertThrows(
                UnsafeTarget.class, () -> guard(false).check("https://no.such.host.invalid/"));
        UnsafeTarget refused = org.junit.jupiter.api.Assertions.assertThrows(
                UnsafeTarget.class, () -> guard(false).check("https://metadata.example/"));
        assertThat(dns.unresolvable()).isTrue();
        assertThat(refused.unresolvable()).isFalse();
    }
}
