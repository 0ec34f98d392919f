package org.arrival.platform.testing.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Writers racing on one record: their requests are released together by a barrier, each on its own thread. With the
 * same {@code If-Match}, exactly one may win; every other must be told 412 and change nothing.
 */
public final class ConcurrentWriters {

    private ConcurrentWriters() {}

    /** What one writer was answered. */
    public record Outcome(int writer, int status, String body) {}

    /** Sends writer i's call with writer i's bearer token, all at once; the outcomes in writer order. */
    public static List<Outcome> race(MockMvc mvc, int writers, IntFunction<ApiCall> call, IntFunction<String> bearer) {
        return raceRequests(writers, i -> {
            ApiCall request = call.apply(i);
            String token = bearer.apply(i);
            return () -> request.perform(mvc, token);
        });
    }

    /** The same with requests built for MockMvc (their bearer token already set). */
    public static List<Outcome> race(MockMvc mvc, int writers, IntFunction<MockHttpServletRequestBuilder> request) {
        return raceRequests(writers, i -> {
            MockHttpServletRequestBuilder r = request.apply(i);
            return () -> mvc.perform(r).andReturn().getResponse();
        });
    }

    private interface Send {
        MockHttpServletResponse send() throws Exception;
    }

    private static List<Outcome> raceRequests(int writers, IntFunction<Send> sends) {
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                Send send = sends.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    MockHttpServletResponse response = send.send();
                    return new Outcome(writer, response.getStatus(), response.getContentAsString());
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("the writers could not all be answered", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one writer succeeded and every other was told 412; the winner. */
    public static Outcome theOnlyWinner(List<Outcome> outcomes) {
        List<Outcome> winners = outcomes.stream()
                .filter(o -> o.status() >= 200 && o.status() < 300)
                .toList();
        List<Outcome> others = outcomes.stream()
                .filter(o -> o.status() < 200 || o.status() >= 300)
                .toList();
        if (winners.size() != 1 || others.stream().anyMatch(o -> o.status() != 412)) {
            throw new AssertionError("expected exactly one winner and 412 for the others: " + outcomes);
        }
        return winners.getFirst();
    }
}
