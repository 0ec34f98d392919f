package org.arrival.benchmarks.reporting;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An action the benchmark reports progress on. Each report covers the next day after the previous report's
 * period, from 1 January 1800 (room for some 80,000 reports an action): a period that has passed and is never
 * reported twice, and a later period than any before it, so the forum view shows it as the action's latest report.
 */
public final class ActionUnderReport {

    static final LocalDate FIRST_PERIOD = LocalDate.of(1800, 1, 1);

    private final UUID id;
    private final Reporter owner;
    private final AtomicInteger nextDay = new AtomicInteger();
    private volatile @Nullable LocalDate lastAccepted;

    public ActionUnderReport(UUID id, Reporter owner) {
        this.id = id;
        this.owner = owner;
    }

    public UUID id() {
        return id;
    }

    public Reporter owner() {
        return owner;
    }

    /** The period of the latest report the service accepted, or null. */
    public @Nullable LocalDate lastAccepted() {
        return lastAccepted;
    }

    LocalDate nextPeriod() {
        return FIRST_PERIOD.plusDays(nextDay.getAndIncrement());
    }

    void accepted(LocalDate period) {
        LocalDate last = lastAccepted;
        if (last == null || period.isAfter(last)) {
            lastAccepted = period;
        }
    }

    /** A progress report for the period, about the size of a real one: a paragraph of narrative, two indicators. */
    static String report(LocalDate period) {
        int day = (int) Math.floorMod(period.toEpochDay(), 97L);
        return String.format(
                Locale.ROOT, """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":%d,"rag":"%s",\
                "narrative":"Two of the five referral desks are open and referred refugees and host community residents \
                mainly to health centres and legal aid. The Kawempe and Makindye desks are late: the division offices have \
                no free room until their renovation ends, and only half of the committed funding has been disbursed.",\
                "indicators":[{"name":"Division offices with an operating multilingual referral desk","unit":"desks",\
                "baseline":0,"target":5,"actual":%d},{"name":"Referrals with a written slip to city health centres",\
                "unit":"referrals","baseline":0,"target":4000,"actual":%d}]}""", period, period, day, day % 3 == 0 ? "AMBER" : "GREEN", day % 6, 40 * day);
    }
}
