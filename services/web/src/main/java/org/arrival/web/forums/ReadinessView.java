package org.arrival.web.forums;

import org.arrival.web.api.forum.ForumApi.Readiness;
import org.arrival.web.charts.BarChart;
import org.arrival.web.charts.LineChart;
import org.jspecify.annotations.Nullable;

/** Readiness as the page shows it: the latest round and its change, by recommendation, and the trend over rounds. */
public record ReadinessView(
        Readiness readiness,
        @Nullable BarChart recommendations,
        @Nullable LineChart trend) {}
