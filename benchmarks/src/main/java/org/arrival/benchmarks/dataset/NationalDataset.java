package org.arrival.benchmarks.dataset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.arrival.benchmarks.events.HistoryEvent;
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
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.jspecify.annotations.Nullable;

/**
 * A country's five years of coordination, as the registry, the assessments and the action-plans services would
 * have published them: organisations, regional forums and the forums nested in them, seats, needs, population
 * series, then actions (proposed, started, a milestone, a funding line) and their progress reports, period after
 * period, every action's report of a period before any action's next. Event times run evenly from
 * {@link #START} to {@link #END}, long enough ago that notifications treat them as history and tell nobody.
 *
 * <p>The same size and seed give the same events, ids included, so a reload of a kept stack is a no-op (the
 * consumers drop events they already applied). Forum 0 is the large forum every read is measured on; the
 * organisations in {@code readers} (the demo people's) hold a seat in every forum so that they can read them, and
 * {@code chair}, one of them, chairs the large forum, so that its people may run the forum's checks there. One
 * action in twenty is classified ORGANISATION (only its owner sees it) and one organisation in fifty is hidden from
 * enforcement bodies, so the read policy has work to do at every size.
 */
public final class NationalDataset implements Iterable<HistoryEvent> {

    public static final Instant START = Instant.parse("2021-11-01T06:00:00Z");
    public static final Instant END = Instant.parse("2026-11-01T06:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 11, 1);
    private static final int DAYS = 5 * 365;
    private static final String[] TITLES = {
        "Information and referral point",
        "Language classes for adults",
        "Catch-up classes for out-of-school children",
        "Rental support for newly arrived households",
        "Mobile clinic rounds",
        "Registration and documentation days",
        "Small business grants and coaching",
        "Neighbourhood dialogue meetings",
        "Water points and sanitation upgrades",
        "Legal aid desk",
    };

    private final DatasetSize size;
    private final long seed;
    private final List<UUID> readers;
    private final @Nullable UUID chair;
    private final List<Section> sections = new ArrayList<>();
    private final long events;

    /** One run of events of a kind: {@code count} of them, the i-th made by {@code event}. */
    private record Section(long count, EventOf event) {}

    private interface EventOf {
        Made of(long i);
    }

    /** An event before it is placed in time. */
    private record Made(UUID subject, UUID key, UUID owner, DataClassification classification, Object payload) {}

    public NationalDataset(DatasetSize size, long seed, List<UUID> readers, @Nullable UUID chair) {
        if (chair != null && !readers.contains(chair)) {
            throw new IllegalArgumentException("the large forum's chair must be one of the readers");
        }
        this.size = size;
        this.seed = seed;
        this.readers = List.copyOf(readers);
        this.chair = chair;
        sections.add(new Section(size.organisations(), this::organisation));
        sections.add(new Section(size.regions() + size.forums(), this::forum));
        sections.add(new Section((long) size.organisations() + (long) size.forums() * this.readers.size(), this::seat));
        sections.add(new Section(size.needs(), this::need));
        sections.add(new Section(size.estimates(), this::estimate));
        sections.add(new Section((long) size.actions() * (4 + size.reportsPerAction()), this::actionEvent));
        events = sections.stream().mapToLong(Section::count).sum();
    }

    public DatasetSize size() {
        return size;
    }

    public long events() {
        return events;
    }

    /** The large forum the reads are measured on. */
    public UUID largestForum() {
        return forumId(0);
    }

    /** How many of the large forum's actions a reader seated in it sees (the others are their owners' only). */
    public int visibleInLargestForum() {
        int visible = 0;
        for (int a = 0; a < size.largestForumActions(); a++) {
            visible += organisationOnly(a) ? 0 : 1;
        }
        return visible;
    }

    /** When the event at {@code index} happened: evenly from START to END. */
    public Instant timeOf(long index) {
        long span = Duration.between(START, END).toMillis();
        return START.plusMillis(events <= 1 ? 0 : span * index / (events - 1));
    }

    @Override
    public Iterator<HistoryEvent> iterator() {
        return new Iterator<>() {
            int section;
            long inSection;
            long index;

            @Override
            public boolean hasNext() {
                return index < events;
            }

            @Override
            public HistoryEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (inSection >= sections.get(section).count()) {
                    section++;
                    inSection = 0;
                }
                Made m = sections.get(section).event().of(inSection);
                HistoryEvent e = placed(m, index);
                inSection++;
                index++;
                return e;
            }
        };
    }

    private HistoryEvent placed(Made m, long index) {
        EventTypeDefinition type = EventCatalogue.instance().typeOf(m.payload().getClass());
        return new HistoryEvent(
                type.topic(),
                type.type(),
                id("event", index).toString(),
                m.subject(),
                m.key(),
                m.owner(),
                m.classification(),
                timeOf(index),
                EventJson.write(m.payload()));
    }

    // ---- who and where

    private Made organisation(long i) {
        int o = (int) i;
        UUID id = organisationId(o);
        int forum = o % size.forums();
        StakeholderType type = o % 50 == 7
                ? StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION
                : o % 5 == 0 ? StakeholderType.LOCAL_GOVERNMENT : StakeholderType.LOCAL_NGO_CSO;
        Stakeholder s = new Stakeholder(
                id,
                1,
                "Organisation " + (o + 1) + " of " + area(forum).areaName(),
                null,
                type,
                null,
                area(forum),
                List.of(sector(o)),
                null,
                false,
                null,
                o % 50 == 7,
                null,
                StakeholderStatus.ACTIVE);
        return new Made(
                id, id, id, DataClassification.PUBLIC, new StakeholderRegistered(s, actor(o), "Registered at a forum"));
    }

    /** The regional forums first, then the forums nested in them. */
    private Made forum(long i) {
        boolean regional = i < size.regions();
        int f = (int) (regional ? i : i - size.regions());
        UUID id = regional ? regionId(f) : forumId(f);
        UUID convenor = organisationId(regional ? 0 : f);
        Forum forum = new Forum(
                id,
                1,
                regional ? "Regional platform " + (f + 1) : "Coordination forum of " + area(f).areaName(),
                regional ? ForumType.TERRITORIAL_PLATFORM : ForumType.COORDINATION_FORUM,
                regional ? new Jurisdiction("UG", subdivision(f), null, null) : area(f),
                null,
                convenor,
                !regional && f == 0 && chair != null ? chair : convenor,
                null,
                regional || size.regions() == 0 ? null : regionId(f % size.regions()),
                ForumStatus.ACTIVE);
        return new Made(id, id, convenor, DataClassification.PUBLIC, new ForumEstablished(forum, actor(0)));
    }

    /** First every organisation's seat in its own forum, then every reader's seat in every forum. */
    private Made seat(long i) {
        int forum;
        UUID member;
        if (i < size.organisations()) {
            forum = (int) (i % size.forums());
            member = organisationId((int) i);
        } else {
            long r = i - size.organisations();
            forum = (int) (r % size.forums());
            member = readers.get((int) (r / size.forums()));
        }
        UUID id = id("seat", i);
        SeatType seat =
                forum == 0 && i >= size.organisations() && member.equals(chair) ? SeatType.CHAIR : SeatType.MEMBER;
        Membership m = new Membership(id, 1, forumId(forum), member, seat, FIRST_DAY, null, MembershipStatus.ACTIVE);
        return new Made(
                id,
                forumId(forum),
                organisationId(forum),
                DataClassification.PUBLIC,
                new MembershipGranted(m, actor(forum)));
    }

    // ---- assessments

    private Made need(long i) {
        int n = (int) i;
        int forum = forumOf(n, size.needs(), largestShare(size.needs()));
        UUID owner = memberOf(forum, n);
        UUID id = needId(n);
        Need need = new Need(
                id,
                1,
                owner,
                "Households in " + area(forum).areaName() + " report no access to " + sectorName(sector(n)),
                sector(n),
                List.of(group(n)),
                area(forum),
                Severity.values()[n % Severity.values().length],
                null,
                null,
                null,
                NeedStatus.IDENTIFIED,
                null,
                List.of(forumId(forum)));
        return new Made(id, id, owner, DataClassification.FORUM, new NeedIdentified(need, actor(n)));
    }

    private Made estimate(long i) {
        int e = (int) i;
        int forum = forumOf(e, size.estimates(), largestShare(size.estimates()));
        UUID owner = memberOf(forum, e);
        UUID id = id("estimate", e);
        PopulationEstimate estimate = new PopulationEstimate(
                id,
                1,
                owner,
                "S-" + forum + "-" + group(e).name(),
                area(forum),
                group(e),
                Count.of(1_000 + (int) (mix(e) % 50_000)),
                Count.of(1_500 + (int) (mix(e + 1) % 60_000)),
                null,
                "Household registration of the district",
                null,
                FIRST_DAY.plusDays(e % DAYS),
                List.of(forumId(forum)));
        return new Made(id, id, owner, DataClassification.FORUM, new PopulationEstimateRecorded(estimate, actor(e)));
    }

    // ---- actions, round after round

    private Made actionEvent(long i) {
        int a = (int) (i % size.actions());
        int round = (int) (i / size.actions());
        int forum = forumOf(a, size.actions(), size.largestForumActions());
        UUID owner = memberOf(forum, a);
        UUID action = actionId(a);
        Actor actor = actor(a);
        DataClassification classification =
                organisationOnly(a) ? DataClassification.ORGANISATION : DataClassification.FORUM;
        return switch (round) {
            case 0 ->
                new Made(
                        action,
                        action,
                        owner,
                        classification,
                        new ActionProposed(action(a, forum, owner, 1, ActionStatus.PROPOSED), actor));
            case 1 ->
                new Made(
                        action,
                        action,
                        owner,
                        classification,
                        new ActionUpdated(
                                action(a, forum, owner, 2, ActionStatus.IN_PROGRESS),
                                actor,
                                List.of("status"),
                                "Agreed at the forum's meeting"));
            case 2 -> {
                UUID id = id("milestone", a);
                yield new Made(
                        id,
                        action,
                        owner,
                        classification,
                        new MilestoneRecorded(
                                new Milestone(
                                        id,
                                        1,
                                        action,
                                        "Half of the planned sites open",
                                        FIRST_DAY.plusDays(200 + a % 900),
                                        null,
                                        MilestoneStatus.PLANNED),
                                actor));
            }
            case 3 -> {
                UUID id = id("funding", a);
                BigDecimal required = BigDecimal.valueOf(20_000 + mix(a) % 480_000);
                BigDecimal committed = required.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(5));
                BigDecimal disbursed = committed.divide(BigDecimal.valueOf(2));
                yield new Made(
                        id,
                        action,
                        owner,
                        classification,
                        new FundingRecorded(
                                new FundingLine(
                                        id,
                                        1,
                                        action,
                                        null,
                                        "District development fund",
                                        "USD",
                                        required,
                                        committed,
                                        disbursed),
                                List.of(new FundingSummary(
                                        "USD", required, committed, disbursed, required.subtract(committed))),
                                actor));
            }
            default -> {
                int k = round - 4;
                UUID id = reportId(a, k);
                int step = DAYS / size.reportsPerAction();
                LocalDate start = FIRST_DAY.plusDays((long) k * step);
                int percent = Math.min(100, (k + 1) * 100 / size.reportsPerAction());
                yield new Made(
                        id,
                        action,
                        owner,
                        classification,
                        new ProgressReported(
                                new ProgressReport(
                                        id,
                                        action,
                                        start,
                                        start.plusDays(step - 1L),
                                        ActionStatus.IN_PROGRESS,
                                        percent,
                                        Rag.values()[(int) (mix(a * 31L + k) % 3)],
                                        "Work went on as planned in most sites; two sites wait for staff.",
                                        List.of(new IndicatorValue(
                                                "People reached", "people", 0.0, 2_000.0, 20.0 * percent))),
                                actor));
            }
        };
    }

    private Action action(int a, int forum, UUID owner, long version, ActionStatus status) {
        List<UUID> needs = a % 3 == 0 && size.needs() > 0 ? List.of(needOf(forum, a)) : List.of();
        return new Action(
                actionId(a),
                version,
                owner,
                null,
                TITLES[a % TITLES.length] + ", " + area(forum).areaName() + " " + (a + 1),
                "Planned with the forum's members for the people who arrived in the district.",
                a % 4 == 0 ? ActionKind.SERVICE : ActionKind.PROJECT,
                List.of(sector(a)),
                List.of(group(a), PopulationGroup.HOST_COMMUNITY),
                List.of(area(forum)),
                FIRST_DAY,
                FIRST_DAY.plusYears(6),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                needs,
                List.of(),
                List.of(a % 2 == 0 ? "SDG-10.7" : "GCM-15"),
                List.of(forumId(forum)),
                status,
                null);
    }

    // ---- placing records

    /** Forum of the i-th of {@code count} records when forum 0 holds the first {@code largest}. */
    int forumOf(int i, int count, int largest) {
        if (i < largest || size.forums() == 1) {
            return 0;
        }
        return 1 + (i - largest) % (size.forums() - 1);
    }

    /** Forum 0's share of {@code count} records, as large as its share of actions. */
    private int largestShare(int count) {
        return (int) ((long) count * size.largestForumActions() / size.actions());
    }

    /** One of the organisations seated in {@code forum} (organisation o sits in forum o mod forums). */
    UUID memberOf(int forum, int pick) {
        int members = (size.organisations() - forum + size.forums() - 1) / size.forums();
        return organisationId(forum + size.forums() * (pick % members));
    }

    private UUID needOf(int forum, int pick) {
        int largest = largestShare(size.needs());
        if (forum == 0 || size.forums() == 1) {
            return needId(largest == 0 ? 0 : pick % largest);
        }
        int perForum = Math.max(1, (size.needs() - largest) / (size.forums() - 1));
        int n = largest + (forum - 1) + (size.forums() - 1) * (pick % perForum);
        return needId(Math.min(n, size.needs() - 1));
    }

    static boolean organisationOnly(int action) {
        return action % 20 == 19;
    }

    private Jurisdiction area(int forum) {
        return new Jurisdiction(
                "UG",
                size.regions() == 0 ? "UG-C" : subdivision(forum % size.regions()),
                "D" + forum,
                forum == 0 ? "Capital district" : "District " + forum);
    }

    private static String subdivision(int region) {
        return "UG-" + (101 + region);
    }

    private static Sector sector(long i) {
        return Sector.values()[(int) (i % Sector.values().length)];
    }

    private static PopulationGroup group(long i) {
        // the host community is named beside every group; here only the groups that arrived
        return PopulationGroup.values()[(int) (i % 12)];
    }

    private static String sectorName(Sector s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " services";
    }

    private Actor actor(long i) {
        return new Actor(id("editor", i % 997).toString(), organisationId((int) (i % size.organisations())));
    }

    public UUID organisationId(int o) {
        return id("organisation", o);
    }

    public UUID forumId(int f) {
        return id("forum", f);
    }

    private UUID regionId(int r) {
        return id("region", r);
    }

    public UUID actionId(int a) {
        return id("action", a);
    }

    UUID needId(int n) {
        return id("need", n);
    }

    public UUID reportId(int action, int k) {
        return id("report", (long) action * 1_000 + k);
    }

    private long mix(long i) {
        long z = seed + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private UUID id(String kind, long i) {
        return UUID.nameUUIDFromBytes(
                (seed + ":" + size.label() + ":" + kind + ":" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** The event at {@code index}, for tests and for reading one back. */
    HistoryEvent at(long index) {
        long i = index;
        for (Section s : sections) {
            if (i < s.count()) {
                return placed(s.event().of(i), index);
            }
            i -= s.count();
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public String toString() {
        return size.label() + " (" + String.format("%,d", events) + " events, seed " + seed + ")";
    }
}
