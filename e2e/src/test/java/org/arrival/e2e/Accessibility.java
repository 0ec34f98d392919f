package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core on the page the browser shows: WCAG 2.2 A and AA rules; any serious or critical violation fails. */
final class Accessibility {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {}

    static void check(WebDriver browser, String page) {
        keepScreenshot(browser, page);
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .toList();
        assertThat(serious)
                .as(
                        "serious or critical accessibility violations on %s (%s):%n%s",
                        page, browser.getCurrentUrl(), describe(serious))
                .isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules on %s", page).isNotEmpty();
    }

    /** What the page looked like, for whoever reads a failure: target/screenshots/<page>.png. */
    private static void keepScreenshot(WebDriver browser, String page) {
        try {
            java.nio.file.Path dir =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(page.replaceAll("[^A-Za-z0-9]+", "-") + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n    "
                        + r.getNodes().stream()
                                .limit(5)
                                .map(n -> String.valueOf(n.getTarget()) + " " + n.getFailureSummary())
                                .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }
}
