package org.arrival.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.arrival.platform.web.ProblemWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Token buckets (Bucket4j) per user and per organisation, on writes and on a service's expensive reads, kept in
 * this instance's memory: with several instances behind a balancer each enforces its own share. Expensive reads
 * also take turns: at most {@link RateLimitProperties#expensiveReadsAtOnce()} at a time on this instance.
 */
public class RateLimits implements HandlerInterceptor {

    private final RateLimitProperties properties;
    private final ProblemWriter problems;
    private final List<PathPattern> expensive;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    private static final String TURN = RateLimits.class.getName() + ".turn";

    private final @Nullable Semaphore turns;

    public RateLimits(RateLimitProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.turns =
                properties.expensiveReadsAtOnce() == 0 ? null : new Semaphore(properties.expensiveReadsAtOnce(), true);
        this.problems = problems;
        this.expensive = properties.expensivePaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!properties.enabled()) {
            return !isExpensive(request) || takeTurn(request, response);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof CallerAuthentication caller)) {
            return true;
        }
        String kind;
        int perUser;
        int perOrganisation;
        if (isWrite(request.getMethod())) {
            kind = "write";
            perUser = properties.writesPerUser();
            perOrganisation = properties.writesPerOrganisation();
        } else if (isExpensive(request)) {
            kind = "read";
            perUser = properties.expensiveReadsPerUser();
            perOrganisation = properties.expensiveReadsPerOrganisation();
        } else {
            return true;
        }
        Caller who = caller.caller();
        long waitNanos = take(kind + ":user:" + who.userId(), perUser);
        UUID org = who.organisationId();
        if (waitNanos == 0 && org != null) {
            waitNanos = take(kind + ":org:" + org, perOrganisation);
        }
        if (waitNanos == 0) {
            return !"read".equals(kind) || takeTurn(request, response);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "Too many " + ("write".equals(kind) ? "changes" : "requests of this kind")
                        + " in a short time from you or your organisation; try again in " + seconds + " s");
        return false;
    }

    /** Waits for one of the instance's turns at expensive reads; answers 503 when none comes in time. */
    private boolean takeTurn(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (turns == null || request.getAttribute(TURN) != null) {
            // (a request dispatched again keeps the turn it holds)
            return true;
        }
        if (turns.tryAcquire(properties.expensiveReadWait().toMillis(), TimeUnit.MILLISECONDS)) {
            request.setAttribute(TURN, Boolean.TRUE);
            return true;
        }
        long seconds = Math.max(1, properties.expensiveReadWait().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service busy",
                "The service is already working on as many reads of this kind as it can hold; try again in " + seconds
                        + " s");
        return false;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        if (turns != null && request.getAttribute(TURN) != null) {
            request.removeAttribute(TURN);
            turns.release();
        }
    }

    /** 0 when a token was taken, otherwise how long until one is free. */
    private long take(String key, int perMinute) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private boolean isExpensive(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || expensive.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return expensive.stream().anyMatch(p -> p.matches(path));
    }

    private static boolean isWrite(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }
}
