package org.arrival.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void ratiosOfAPlatformFigureToItsBaseline() {
        assertThat(Format.ratio(1_000, 4_000)).isEqualTo("0.25x");
        assertThat(Format.ratio(30, 100_000)).isEqualTo("0.0003x");
        assertThat(Format.ratio(5, 0)).isEqualTo("-");
        assertThat(Format.ratio(Double.NaN, 10)).isEqualTo("-");
    }

    @Test
    void ratesAndDurations() {
        assertThat(new Rate(1_000, Duration.ofMillis(500)).perSecond()).isEqualTo(2_000.0);
        assertThat(Rate.between(3, 0, 2_000_000_000L).perSecond()).isEqualTo(1.5);
        assertThat(new Rate(5, Duration.ZERO).perSecond()).isNaN();
        assertThat(Format.rate(123_456.7)).isEqualTo("123,457");
        assertThat(Format.rate(12.34)).isEqualTo("12.3");
        assertThat(Format.millis(1_250_000)).isEqualTo("1.3");
        assertThat(Format.mib(3 * 1024 * 1024)).isEqualTo("3,072");
    }

    @Test
    void tablesAreMarkdownWithPaddedColumns() {
        String md = new Table("what", "figure")
                .row("write", "1,000/s")
                .row("a|b", null)
                .markdown();
        assertThat(md.lines())
                .containsExactly(
                        "| what  | figure  |", "| ----- | ------- |", "| write | 1,000/s |", "| a\\|b  |         |");
    }
}
