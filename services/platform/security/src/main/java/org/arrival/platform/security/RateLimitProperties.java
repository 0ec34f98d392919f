package org.arrival.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one person and one organisation may ask of a service per minute: writes (every POST, PUT, PATCH and
 * DELETE) and expensive reads (the GET paths a service names, such as exports and the as-of view). Beyond it the
 * answer is 429 with {@code Retry-After}. Apart from these per-minute limits, an instance works on at most
 * {@code expensiveReadsAtOnce} expensive reads at a time, whoever asks, even with the limits off: each may hold a
 * forum's history in memory, so more at once would exhaust it. A read that waits longer than
 * {@code expensiveReadWait} for its turn is answered 503 with {@code Retry-After}.
 *
 * @param enabled whether limits apply at all
 * @param writesPerUser writes one user may make per minute (bursts up to this many)
 * @param writesPerOrganisation writes all users of one organisation may make per minute
 * @param expensiveReadsPerUser expensive reads one user may make per minute
 * @param expensiveReadsPerOrganisation expensive reads all users of one organisation may make per minute
 * @param expensivePaths path patterns ({@code /forums/*}{@code /exports/**}) of the expensive reads
 * @param expensiveReadsAtOnce expensive reads this instance works on at the same time (0: no bound)
 * @param expensiveReadWait how long an expensive read may wait for its turn before it is answered 503
 */
@ConfigurationProperties("arrival.rate-limits")
public record RateLimitProperties(
        Boolean enabled,
        Integer writesPerUser,
        Integer writesPerOrganisation,
        Integer expensiveReadsPerUser,
        Integer expensiveReadsPerOrganisation,
        List<String> expensivePaths,
        Integer expensiveReadsAtOnce,
        Duration expensiveReadWait) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        writesPerUser = writesPerUser == null ? 300 : writesPerUser;
        writesPerOrganisation = writesPerOrganisation == null ? 1200 : writesPerOrganisation;
        expensiveReadsPerUser = expensiveReadsPerUser == null ? 30 : expensiveReadsPerUser;
        expensiveReadsPerOrganisation = expensiveReadsPerOrganisation == null ? 120 : expensiveReadsPerOrganisation;
        expensivePaths = expensivePaths == null ? List.of() : List.copyOf(expensivePaths);
        expensiveReadsAtOnce = expensiveReadsAtOnce == null ? 2 : expensiveReadsAtOnce;
        expensiveReadWait = expensiveReadWait == null ? Duration.ofSeconds(5) : expensiveReadWait;
        if (expensiveReadsAtOnce < 0 || expensiveReadWait.isNegative()) {
            throw new IllegalArgumentException(
                    "arrival.rate-limits.expensive-reads-at-once and expensive-read-wait must not be negative");
        }
    }
}
