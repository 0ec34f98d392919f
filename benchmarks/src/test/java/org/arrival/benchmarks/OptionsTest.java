package org.arrival.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.arrival.benchmarks.dataset.DatasetSize;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path ROOT = Path.of("/tmp/arrival");

    @Test
    void withoutASizeNoDataSetIsLoadedAndTheRebuildSeedsItsHistory() {
        Options o = Options.parse(new String[0], ROOT);
        assertThat(o.size()).isNull();
        assertThat(o.runs("dataset")).isFalse();
        assertThat(o.runs("reads")).isFalse();
        assertThat(o.historyEvents()).isEqualTo(1_000_000);
        assertThat(o.readUsers()).containsExactly(1, 32);
    }

    @Test
    void aSizeLoadsItsDataSetAndTheRebuildReplaysItUnlessEventsAreAsked() {
        Options o = Options.parse(new String[] {"--size=country", "--seed=7"}, ROOT);
        assertThat(o.size()).isEqualTo(DatasetSize.COUNTRY);
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.runs("dataset")).isTrue();
        assertThat(o.runs("reads")).isTrue();
        assertThat(o.historyEvents()).isZero();
        assertThat(Options.parse(new String[] {"--size=city", "--events=2000000"}, ROOT)
                        .historyEvents())
                .isEqualTo(2_000_000);
        assertThat(Options.parse(new String[] {"--size=city", "--skip=reads"}, ROOT)
                        .runs("reads"))
                .isFalse();
    }

    @Test
    void anUnknownSizeOrPhaseIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--size=planet"}, ROOT))
                .hasMessageContaining("city, region, country");
        assertThatThrownBy(() -> Options.parse(new String[] {"--skip=everything"}, ROOT))
                .hasMessageContaining("dataset");
    }
}
