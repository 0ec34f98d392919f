package org.arrival.forum.coherence.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.FundingLineState;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Rows.ScorePart;
import org.junit.jupiter.api.BeforeEach;

/** A forum of four members and its projection held in memory, for the checks' tests. */
abstract class CoherenceFixture {

    static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", "UG102", "Kampala");
    static final Jurisdiction ENTEBBE = new Jurisdiction("UG", "UG-C", "UG113", "Entebbe");
    static final Jurisdiction NAIROBI = new Jurisdiction("KE", "KE-30", "KE047", "Nairobi");

    InMemoryStore store;
    UUID forum;
    UUID city;
    UUID ngo;
    UUID ministry;
    UUID municipality;
    Links links;

    @BeforeEach
    void forumOfFourMembers() {
        store = new InMemoryStore();
        forum = UUID.randomUUID();
        ForumRow f = new ForumRow();
        f.id = forum;
        f.version = 1;
        f.name = "Kampala forum";
        f.geographicScope = KAMPALA;
        f.status = "ACTIVE";
        store.save(f);
        city = organisation("City", "LOCAL_GOVERNMENT");
        ngo = organisation("NGO", "LOCAL_NGO_CSO");
        ministry = organisation("Ministry", "NATIONAL_GOVERNMENT_BODY");
        municipality = organisation("Nakawa Division", "LOCAL_GOVERNMENT");
        for (UUID member : List.of(city, ngo, ministry, municipality)) {
            seat(member, "ACTIVE");
        }
        links = new Links();
    }

    /** The day the checks run on, unless a test names another. */
    static final LocalDate TODAY = LocalDate.of(2025, 4, 27);

    List<Finding> findings(CoherenceCheckCode code) {
        return findings(code, TODAY);
    }

    /** The forum's settings the checks run with; the defaults unless a test changes them. */
    CheckSettings settings = CheckSettings.DEFAULTS;

    List<Finding> findings(CoherenceCheckCode code, LocalDate today) {
        return CoherenceChecks.run(store, forum, links, today, settings).stream()
                .filter(f -> f.check() == code)
                .toList();
    }

    // ---- building the projection

    UUID organisation(String name, String type) {
        OrganisationRow o = new OrganisationRow();
        o.id = UUID.randomUUID();
        o.version = 1;
        o.name = name;
        o.type = type;
        o.status = "ACTIVE";
        store.save(o);
        return o.id;
    }

    void seat(UUID organisation, String status) {
        MembershipRow m = new MembershipRow();
        m.id = UUID.randomUUID();
        m.version = 1;
        m.forumId = forum;
        m.stakeholderId = organisation;
        m.seat = "MEMBER";
        m.status = status;
        store.save(m);
    }

    ActionRow action(String title, UUID owner, String sector, String group, Jurisdiction area, String status) {
        ActionRow a = new ActionRow();
        a.id = UUID.randomUUID();
        a.version = 1;
        a.placeholder = false;
        a.ownerId = owner;
        a.classification = "FORUM";
        a.title = title;
        a.kind = "SERVICE";
        a.status = status;
        a.sectors = new ArrayList<>(List.of(sector));
        a.targetGroups = new ArrayList<>(List.of(group));
        a.areas = new ArrayList<>(List.of(area));
        a.sharedWithForums = new ArrayList<>(List.of(forum));
        store.save(a);
        return a;
    }

    static void period(ActionRow a, String start, String end) {
        a.startDate = start == null ? null : LocalDate.parse(start);
        a.endDate = end == null ? null : LocalDate.parse(end);
    }

    void fund(ActionRow a, String required, String committed) {
        FundingLineState l = new FundingLineState();
        l.id = UUID.randomUUID();
        l.version = 1;
        l.currency = "UGX";
        l.required = new BigDecimal(required);
        l.committed = new BigDecimal(committed);
        l.disbursed = BigDecimal.ZERO;
        a.fundingLines.put(l.id.toString(), l);
        store.save(a);
    }

    NeedRow need(UUID owner, String sector, String group, Jurisdiction area, String status) {
        NeedRow n = new NeedRow();
        n.id = UUID.randomUUID();
        n.version = 1;
        n.ownerId = owner;
        n.classification = "PUBLIC";
        n.statement = "Lacking " + sector;
        n.sector = sector;
        n.populationGroups = new ArrayList<>(List.of(group));
        n.area = area;
        n.severity = "HIGH";
        n.status = status;
        store.save(n);
        return n;
    }

    UUID round(UUID convenor, List<UUID> sharedWith) {
        RoundScoreRow r = new RoundScoreRow();
        r.id = UUID.randomUUID();
        r.version = 3;
        r.ownerId = convenor;
        r.convenorId = convenor;
        r.classification = "PUBLIC";
        r.title = "Readiness";
        r.jurisdiction = KAMPALA;
        r.sharedWithForums = new ArrayList<>(sharedWith);
        r.status = "PUBLISHED";
        store.save(r);
        return r.id;
    }

    GapRow gap(UUID round, String question, String checklistAction) {
        GapRow g = new GapRow();
        g.id = UUID.randomUUID();
        g.version = 1;
        g.roundId = round;
        g.ownerId = store.round(round).orElseThrow().ownerId;
        g.classification = "PUBLIC";
        g.jurisdiction = KAMPALA;
        g.recommendationCode = "R1";
        g.actionCode = checklistAction;
        g.questionCode = question;
        g.consolidatedAnswer = "N";
        store.save(g);
        return g;
    }

    /** Cascade and gap links as a test sets them. */
    static class Links implements ActionLinks {
        final Map<UUID, List<UUID>> gaps = new HashMap<>();
        /** commitments requiring local implementation, with their named implementers */
        final Map<UUID, List<UUID>> commitments = new HashMap<>();

        final Map<UUID, List<Implementation>> implementations = new HashMap<>();

        @Override
        public ActionLinks.Links of(UUID actionId) {
            List<UUID> implementers = commitments.get(actionId);
            return new ActionLinks.Links(null, implementers != null, implementers, gaps.get(actionId));
        }

        @Override
        public List<Implementation> implementationsOf(UUID commitmentId) {
            return implementations.getOrDefault(commitmentId, List.of());
        }
    }

    PlanRow plan(UUID owner, String title, Jurisdiction place, boolean named, boolean budgeted, boolean trained) {
        PlanRow p = new PlanRow();
        p.id = UUID.randomUUID();
        p.version = 1;
        p.ownerId = owner;
        p.classification = "FORUM";
        p.title = title;
        p.type = "MUNICIPAL_ACTION_PLAN";
        p.jurisdiction = place;
        p.inclusion = new Inclusion(named, budgeted, trained);
        p.sharedWithForums = new ArrayList<>(List.of(forum));
        p.status = "ADOPTED";
        store.save(p);
        return p;
    }

    PopulationRow estimate(
            Jurisdiction area, String group, Integer registered, Integer estimated, String asOf, String... dimensions) {
        PopulationRow e = new PopulationRow();
        e.id = UUID.randomUUID();
        e.version = 1;
        e.ownerId = ngo;
        e.classification = "FORUM";
        e.area = area;
        e.group = group;
        e.registered = registered == null ? null : Count.of(registered);
        e.estimated = estimated == null ? null : Count.of(estimated);
        for (String d : dimensions) {
            e.breakdown.add(new Disaggregation(d, "ANY", Count.of(1)));
        }
        e.source = "Household listing";
        e.asOf = LocalDate.parse(asOf);
        e.sharedWithForums = new ArrayList<>(List.of(forum));
        store.save(e);
        return e;
    }

    /** A published round of the place, scoring one recommendation. */
    RoundScoreRow scored(Jurisdiction place, String publishedOn, String recommendation, double points, int max) {
        RoundScoreRow r = store.round(round(city, List.of(forum))).orElseThrow();
        r.jurisdiction = place;
        r.title = "Readiness " + publishedOn;
        r.publishedAt = LocalDate.parse(publishedOn)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        ScorePart part = new ScorePart();
        part.code = recommendation;
        part.points = points;
        part.max = max;
        r.recommendations = new ArrayList<>(List.of(part));
        store.save(r);
        return r;
    }
}
