package org.arrival.benchmarks.coherence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.arrival.benchmarks.events.HistoryEvent;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.FundingLine;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;

/**
 * Many actions shared with one forum, as the action-plans service's relay publishes them: each proposed, about 70%
 * given a funding line, a third committed and started. Owners rotate among the forum's members; sectors, target
 * groups, Kampala divisions and periods vary with a fixed seed, so that the overlap check meets buckets of a
 * realistic spread. Deterministic for given sizes and run.
 */
public final class ForumActions {

    /** The groups a Kampala forum's actions name; a quarter also name the host community. */
    static final List<PopulationGroup> GROUPS = List.of(
            PopulationGroup.REFUGEES,
            PopulationGroup.ASYLUM_SEEKERS,
            PopulationGroup.URBAN_DISPLACED,
            PopulationGroup.HOST_COMMUNITY,
            PopulationGroup.RURAL_URBAN_MIGRANTS,
            PopulationGroup.MIGRANT_WORKERS,
            PopulationGroup.RETURNEES,
            PopulationGroup.STATELESS_PERSONS);

    /** Kampala's five divisions, each with its own (demo) area code, so that one does not cover another. */
    static final List<Jurisdiction> DIVISIONS = List.of(
            division("CENTRAL", "Kampala Central division"),
            division("KAWEMPE", "Kawempe division"),
            division("MAKINDYE", "Makindye division"),
            division("NAKAWA", "Nakawa division"),
            division("RUBAGA", "Rubaga division"));

    static final List<String> FRAMEWORK_ITEMS = List.of("SDG-10.7", "GCM-15", "SDG-11.1", "GCM-16", "SDG-3.8");

    private static final Instant START = Instant.parse("2023-01-02T08:00:00Z");
    private static final long SEED = 0x5EEDC0DEL;

    private final int count;
    private final UUID forum;
    private final List<UUID> owners;
    private final List<UUID> needs;
    private final String run;

    /**
     * @param needs needs of the forum some actions name (none: every action lacks evidence)
     * @param run makes the ids of one run differ from another's
     */
    public ForumActions(int count, UUID forum, List<UUID> owners, List<UUID> needs, String run) {
        this.count = count;
        this.forum = forum;
        this.owners = List.copyOf(owners);
        this.needs = List.copyOf(needs);
        this.run = run;
    }

    public int size() {
        return count;
    }

    /** What an action is about, drawn from its own seed. */
    record Shape(
            UUID owner,
            List<Sector> sectors,
            List<PopulationGroup> groups,
            Jurisdiction area,
            LocalDate start,
            LocalDate end,
            boolean funded,
            boolean started,
            List<UUID> needIds,
            List<String> frameworkItems,
            ActionOrientation orientation) {}

    Shape shape(int a) {
        SplittableRandom r = new SplittableRandom(SEED ^ (a * 0x9E3779B97F4A7C15L));
        Sector[] all = Sector.values();
        Sector first = all[r.nextInt(all.length)];
        List<Sector> sectors = r.nextInt(4) == 0
                ? List.of(first, all[(first.ordinal() + 1 + r.nextInt(all.length - 1)) % all.length])
                : List.of(first);
        PopulationGroup group = GROUPS.get(r.nextInt(GROUPS.size()));
        List<PopulationGroup> groups = r.nextInt(4) == 0 && group != PopulationGroup.HOST_COMMUNITY
                ? List.of(group, PopulationGroup.HOST_COMMUNITY)
                : List.of(group);
        Jurisdiction area = DIVISIONS.get(r.nextInt(DIVISIONS.size()));
        LocalDate start = LocalDate.of(2022, 1, 1).plusMonths(r.nextInt(9 * 12));
        LocalDate end = start.plusMonths(12 + r.nextInt(25)).minusDays(1);
        boolean funded = r.nextInt(10) < 7;
        boolean started = r.nextInt(3) == 0;
        List<UUID> needIds =
                !needs.isEmpty() && r.nextInt(5) < 3 ? List.of(needs.get(r.nextInt(needs.size()))) : List.of();
        List<String> items = List.of(FRAMEWORK_ITEMS.get(r.nextInt(FRAMEWORK_ITEMS.size())));
        ActionOrientation orientation = r.nextInt(5) == 0 ? ActionOrientation.NEXUS : ActionOrientation.DEVELOPMENT;
        return new Shape(
                owners.get(a % owners.size()),
                sectors,
                groups,
                area,
                start,
                end,
                funded,
                started,
                needIds,
                items,
                orientation);
    }

    /** Every event, round after round: all proposals, then the funding lines, then the starts. */
    public List<HistoryEvent> events() {
        List<HistoryEvent> out = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            shapes.add(shape(a));
        }
        long index = 0;
        for (int a = 0; a < count; a++) {
            Shape s = shapes.get(a);
            out.add(event(
                    a,
                    s,
                    "proposed",
                    new ActionProposed(action(a, s, 1, ActionStatus.PROPOSED), actor(a, s)),
                    at(index++)));
        }
        for (int a = 0; a < count; a++) {
            Shape s = shapes.get(a);
            if (s.funded()) {
                out.add(event(a, s, "funding", funding(a, s, 1, 150_000), at(index++)));
            }
        }
        for (int a = 0; a < count; a++) {
            Shape s = shapes.get(a);
            if (s.started()) {
                out.add(event(
                        a,
                        s,
                        "committed",
                        new ActionUpdated(
                                action(a, s, 2, ActionStatus.COMMITTED),
                                actor(a, s),
                                List.of("status"),
                                "Funding agreed at the forum's quarterly meeting"),
                        at(index++)));
            }
        }
        for (int a = 0; a < count; a++) {
            Shape s = shapes.get(a);
            if (s.started()) {
                out.add(event(
                        a,
                        s,
                        "started",
                        new ActionUpdated(
                                action(a, s, 3, ActionStatus.IN_PROGRESS), actor(a, s), List.of("status"), null),
                        at(index++)));
            }
        }
        return out;
    }

    /** The {@code k}-th funded action (its index), for one event about it. */
    public int fundedAction(int k) {
        int seen = 0;
        for (int a = 0; a < count; a++) {
            if (shape(a).funded() && seen++ == k) {
                return a;
            }
        }
        throw new IllegalArgumentException("fewer than " + (k + 1) + " funded actions");
    }

    /** A new version of the funded action's funding line, more committed: the forum's checks run again. */
    public HistoryEvent fundingChange(int a, int version, Instant time) {
        Shape s = shape(a);
        return event(a, s, "funding-v" + version, funding(a, s, version, 150_000 + version * 5_000L), time);
    }

    /**
     * The pairs of actions that share a sector and a target group (those the overlap check compares), and of them
     * those it flags: different owners, the same division, overlapping periods. Among these actions only.
     */
    public record Buckets(int buckets, int largest, long pairs, long overlaps, int unfunded, int withoutNeed) {}

    public Buckets buckets() {
        List<Shape> shapes = new ArrayList<>(count);
        Map<String, List<Integer>> byPurpose = new HashMap<>();
        int unfunded = 0;
        int withoutNeed = 0;
        for (int a = 0; a < count; a++) {
            Shape s = shape(a);
            shapes.add(s);
            unfunded += s.funded() ? 0 : 1;
            withoutNeed += s.needIds().isEmpty() ? 1 : 0;
            for (Sector sector : s.sectors()) {
                for (PopulationGroup group : s.groups()) {
                    byPurpose
                            .computeIfAbsent(sector + "|" + group, k -> new ArrayList<>())
                            .add(a);
                }
            }
        }
        long pairs = 0;
        long overlaps = 0;
        int largest = 0;
        for (List<Integer> same : byPurpose.values()) {
            largest = Math.max(largest, same.size());
        }
        for (int a = 0; a < count; a++) {
            Shape s = shapes.get(a);
            BitSet seen = new BitSet(count);
            for (Sector sector : s.sectors()) {
                for (PopulationGroup group : s.groups()) {
                    for (int b : byPurpose.getOrDefault(sector + "|" + group, List.of())) {
                        if (b <= a || seen.get(b)) {
                            continue;
                        }
                        seen.set(b);
                        pairs++;
                        Shape t = shapes.get(b);
                        if (!s.owner().equals(t.owner())
                                && s.area().equals(t.area())
                                && !s.start().isAfter(t.end())
                                && !t.start().isAfter(s.end())) {
                            overlaps++;
                        }
                    }
                }
            }
        }
        return new Buckets(byPurpose.size(), largest, pairs, overlaps, unfunded, withoutNeed);
    }

    private Action action(int a, Shape s, long version, ActionStatus status) {
        return new Action(
                id("action", a),
                version,
                s.owner(),
                null,
                s.sectors().get(0).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " for "
                        + s.groups()
                                .get(0)
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ') + ", "
                        + s.area().areaName() + " (" + (a + 1) + ")",
                "An action of the forum's members, recorded by the benchmark.",
                a % 3 == 0 ? ActionKind.SERVICE : ActionKind.PROJECT,
                s.sectors(),
                s.groups(),
                List.of(s.area()),
                s.start(),
                s.end(),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                s.needIds(),
                List.of(),
                s.frameworkItems(),
                List.of(forum),
                status,
                s.orientation());
    }

    private FundingRecorded funding(int a, Shape s, long version, long committedAmount) {
        BigDecimal required = BigDecimal.valueOf(250_000);
        BigDecimal committed = BigDecimal.valueOf(committedAmount);
        BigDecimal disbursed = BigDecimal.valueOf(90_000);
        return new FundingRecorded(
                new FundingLine(
                        id("funding", a),
                        version,
                        id("action", a),
                        null,
                        "Urban inclusion fund",
                        "USD",
                        required,
                        committed,
                        disbursed),
                List.of(new FundingSummary("USD", required, committed, disbursed, required.subtract(committed))),
                actor(a, s));
    }

    private Actor actor(int a, Shape s) {
        return new Actor(id("editor", a % owners.size()).toString(), s.owner());
    }

    /** The events' times lie in the past: notifications treat them as history and tell nobody. */
    private static Instant at(long index) {
        return START.plusMillis(index * 50);
    }

    private HistoryEvent event(int a, Shape s, String what, Object payload, Instant time) {
        EventTypeDefinition type = EventCatalogue.instance().typeOf(payload.getClass());
        UUID subject = payload instanceof FundingRecorded ? id("funding", a) : id("action", a);
        return new HistoryEvent(
                type.topic(),
                type.type(),
                id("event-" + what, a).toString(),
                subject,
                id("action", a),
                s.owner(),
                DataClassification.FORUM,
                time,
                EventJson.write(payload));
    }

    private static Jurisdiction division(String code, String name) {
        return new Jurisdiction("UG", "UG-C", "KLA-DIV-" + code, name);
    }

    /** A stable id per run, kind and action. */
    private UUID id(String kind, int a) {
        return UUID.nameUUIDFromBytes((run + ":" + kind + ":" + a).getBytes(StandardCharsets.UTF_8));
    }
}
