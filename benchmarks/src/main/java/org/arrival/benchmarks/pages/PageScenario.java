package org.arrival.benchmarks.pages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.benchmarks.measure.Latencies;

/**
 * What a person waits for in the web application, and what a page weighs. Signed in as a demo user, it follows the
 * links of the pages from the home page (as a person clicking through would, one page of each kind), then asks for
 * each page again and again: the time to the last byte of the page (the server's time on loopback), and the
 * compressed size of the page with every style sheet, script, image and font it loads.
 */
public final class PageScenario {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:static|webjars)/[^\"]+)\"");
    /** Paths that are not pages to read: signing out, downloads, live streams, parts of pages. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(logout|signed-out|static|webjars|oauth2|login)(/.*)?$|/exports/|/live$|/parts/|\\.(csv|xml)$");

    private final WebSession session;
    private final int pages;

    /** The measurements of one page. */
    public record Page(String path, String kind, int status, Latencies.Summary time, long htmlBytes, long assetBytes) {

        public long weight() {
            return htmlBytes + assetBytes;
        }
    }

    public PageScenario(WebSession session, int pages) {
        this.session = session;
        this.pages = pages;
    }

    /** The pages reachable from home, one per kind of page (the path with its ids taken out), home first. */
    public List<String> crawl() {
        Map<String, String> byKind = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && byKind.size() < pages) {
            String path = queue.removeFirst();
            WebSession.Fetched page = session.fetch(path);
            if (page.status() != 200) {
                continue;
            }
            byKind.putIfAbsent(kind(path), path);
            Matcher links = LINK.matcher(page.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                // a filtered or sorted list is the same page: its plain address stands for it
                if (!link.contains("?")
                        && !NOT_A_PAGE.matcher(link).find()
                        && !byKind.containsKey(kind(link))
                        && seen.add(link)) {
                    queue.addLast(link);
                }
            }
        }
        return List.copyOf(byKind.values());
    }

    /** Each page asked for {@code warmUp} times, then {@code times} (at least 1) times measured. */
    public List<Page> measure(List<String> paths, int warmUp, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a page is measured at least once, not " + times + " times");
        }
        List<Page> measured = new ArrayList<>();
        Map<String, Long> assetSizes = new LinkedHashMap<>();
        for (String path : paths) {
            for (int i = 0; i < warmUp; i++) {
                session.fetch(path);
            }
            Latencies latencies = new Latencies();
            WebSession.Fetched last = null;
            for (int i = 0; i < times; i++) {
                last = session.fetch(path);
                latencies.record(last.nanos());
            }
            long assets = 0;
            Matcher m = ASSET.matcher(
                    Objects.requireNonNull(last, "measured at least once").body());
            Set<String> loaded = new LinkedHashSet<>();
            while (m.find()) {
                loaded.add(m.group(1).replace("&amp;", "&"));
            }
            for (String asset : loaded) {
                assets +=
                        assetSizes.computeIfAbsent(asset, a -> session.fetch(a).wireBytes());
            }
            measured.add(new Page(path, kind(path), last.status(), latencies.summary(), last.wireBytes(), assets));
        }
        return measured;
    }

    /** A path with its ids (UUIDs and numbers) replaced, so that one action page stands for all. */
    static String kind(String path) {
        return path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("=[^&]*", "=…")
                .replaceAll("/\\d+(?=/|$)", "/{n}");
    }
}
