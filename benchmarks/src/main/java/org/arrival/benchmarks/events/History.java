package org.arrival.benchmarks.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.FundingLine;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Milestone;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;

/**
 * Years of action-plan history for the rebuild to replay: many actions of the forum's organisations, each proposed,
 * committed, started, given two milestones and a funding line, then reported on period after period. Rounds are
 * interleaved (every action's first event, then every action's second, ...) as many organisations writing at once
 * would interleave them. Deterministic for given sizes and run; the events' times lie in the past, so notifications treat
 * them as history and tell nobody.
 */
public final class History implements Iterable<HistoryEvent> {

    static final String NARRATIVE = "Two of the five referral desks are open and referred refugees and host community "
            + "residents mainly to health centres and legal aid. The Kawempe and Makindye desks are late: the division "
            + "offices have no free room until their renovation ends, and only half of the committed funding has been "
            + "disbursed.";
    private static final Instant START = Instant.parse("2022-01-03T08:00:00Z");
    private static final LocalDate FIRST_PERIOD = LocalDate.of(2000, 1, 1);

    private final long events;
    private final int actions;
    private final List<UUID> owners;
    private final String run;

    /** {@code run} makes the ids of one run's history differ from another's (a rerun on kept data adds new events). */
    public History(long events, int actions, List<UUID> owners, String run) {
        if (events < (long) actions * 6) {
            throw new IllegalArgumentException("at least 6 events per action: " + events + " for " + actions);
        }
        this.events = events;
        this.actions = actions;
        this.owners = List.copyOf(owners);
        this.run = run;
    }

    /** The narrative of every progress report in the history (a paragraph, as real reports have). */
    public static String narrative() {
        return NARRATIVE;
    }

    public long size() {
        return events;
    }

    @Override
    public Iterator<HistoryEvent> iterator() {
        return new Iterator<>() {
            long produced;

            @Override
            public boolean hasNext() {
                return produced < events;
            }

            @Override
            public HistoryEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long i = produced++;
                return event((int) (i % actions), (int) (i / actions), i);
            }
        };
    }

    /** Event {@code round} of action {@code a}; {@code index} orders it in the history. */
    HistoryEvent event(int a, int round, long index) {
        UUID action = id("action", a, 0);
        UUID owner = owners.get(a % owners.size());
        Actor actor = new Actor(id("editor", a % owners.size(), 0).toString(), owner);
        Instant time = START.plusMillis(index * 50);
        Object payload;
        UUID subject = action;
        switch (round) {
            case 0 -> payload = new ActionProposed(action(action, owner, 1, ActionStatus.PROPOSED), actor);
            case 1 ->
                payload = new ActionUpdated(
                        action(action, owner, 2, ActionStatus.COMMITTED),
                        actor,
                        List.of("status"),
                        "Funding agreed at the forum's quarterly meeting");
            case 2 ->
                payload = new ActionUpdated(
                        action(action, owner, 3, ActionStatus.IN_PROGRESS), actor, List.of("status"), null);
            case 3, 5 -> {
                subject = id("milestone", a, round);
                payload = new MilestoneRecorded(
                        new Milestone(
                                subject,
                                1,
                                action,
                                round == 3 ? "First desks open" : "All five desks open",
                                FIRST_PERIOD.plusMonths(round),
                                null,
                                MilestoneStatus.PLANNED),
                        actor);
            }
            case 4 -> {
                subject = id("funding", a, round);
                BigDecimal required = BigDecimal.valueOf(250_000);
                BigDecimal committed = BigDecimal.valueOf(150_000);
                BigDecimal disbursed = BigDecimal.valueOf(90_000);
                payload = new FundingRecorded(
                        new FundingLine(
                                subject,
                                1,
                                action,
                                null,
                                "Urban inclusion fund",
                                "USD",
                                required,
                                committed,
                                disbursed),
                        List.of(new FundingSummary(
                                "USD", required, committed, disbursed, required.subtract(committed))),
                        actor);
            }
            default -> {
                subject = id("report", a, round);
                LocalDate day = FIRST_PERIOD.plusDays(round);
                payload = new ProgressReported(
                        new ProgressReport(
                                subject,
                                action,
                                day,
                                day,
                                ActionStatus.IN_PROGRESS,
                                round % 101,
                                round % 3 == 0 ? Rag.AMBER : Rag.GREEN,
                                NARRATIVE,
                                List.of(
                                        new IndicatorValue(
                                                "Division offices with an operating multilingual referral desk",
                                                "desks",
                                                0.0,
                                                5.0,
                                                (double) (round % 6)),
                                        new IndicatorValue(
                                                "Referrals with a written slip to city health centres",
                                                "referrals",
                                                0.0,
                                                4000.0,
                                                (double) (40 * (round % 97))))),
                        actor);
            }
        }
        EventTypeDefinition type = EventCatalogue.instance().typeOf(payload.getClass());
        return new HistoryEvent(
                type.topic(),
                type.type(),
                id("event", a, round).toString(),
                subject,
                action,
                owner,
                DataClassification.ORGANISATION,
                time,
                EventJson.write(payload));
    }

    private static Action action(UUID id, UUID owner, long version, ActionStatus status) {
        return new Action(
                id,
                version,
                owner,
                null,
                "Multilingual referral desk, division office",
                "A desk where refugees, asylum seekers and their neighbours get information and written referrals to "
                        + "health centres, schools, legal aid and livelihood programmes.",
                ActionKind.SERVICE,
                List.of(Sector.RECEPTION, Sector.HEALTH),
                List.of(PopulationGroup.REFUGEES, PopulationGroup.HOST_COMMUNITY),
                List.of(new Jurisdiction("UG", "UG-C", null, "Kawempe division")),
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2027, 12, 31),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of("SDG-10.7", "GCM-15"),
                List.of(),
                status,
                null);
    }

    /** A stable id per run, kind, action and round, so a history can be regenerated identically. */
    private UUID id(String kind, int a, int round) {
        return UUID.nameUUIDFromBytes(
                (run + ":" + kind + ":" + a + ":" + round).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
