package org.arrival.forum.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.registry.ExternalIdentifier;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.views.ForumListings;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A forum's actions exported for humanitarian and aid-transparency tools: the 3W table as HXL-tagged CSV and the
 * actions as IATI 2.03 activities. Same members, same visibility as the tracker: both are built from
 * {@link ForumListings#actions}.
 */
@RestController
@RequestMapping(path = "/forums/{forumId}/exports")
@Tag(name = "Forum exports", description = "3W as HXL CSV, actions as IATI 2.03 XML")
public class ExportsController {

    /** Prefix of organisation references without an external identifier (not a registered org-id prefix). */
    static final String OWN_PREFIX = "XI-ARRIVAL-";

    private static final Map<String, String> ORGANISATION_TYPES = Map.ofEntries(
            Map.entry("NATIONAL_GOVERNMENT_BODY", "10"), Map.entry("DEDICATED_MIGRATION_UNIT", "10"),
            Map.entry("STATISTICAL_OFFICE", "10"), Map.entry("SUBNATIONAL_GOVERNMENT", "11"),
            Map.entry("LOCAL_GOVERNMENT", "11"), Map.entry("PUBLIC_SERVICE_PROVIDER", "15"),
            Map.entry("HUMAN_RIGHTS_INSTITUTION", "15"), Map.entry("UN_AGENCY", "40"),
            Map.entry("INTERNATIONAL_ORGANISATION", "40"), Map.entry("DEVELOPMENT_BANK", "40"),
            Map.entry("INTERNATIONAL_NGO", "21"), Map.entry("LOCAL_NGO_CSO", "22"),
            Map.entry("MIGRANT_REFUGEE_IDP_ASSOCIATION", "22"), Map.entry("DIASPORA_HOMETOWN_ASSOCIATION", "22"),
            Map.entry("FAITH_BASED", "22"), Map.entry("YOUTH_ORGANISATION", "22"),
            Map.entry("VOLUNTEER_GROUP", "22"), Map.entry("PRIVATE_SECTOR", "70"),
            Map.entry("ACADEMIA_RESEARCH", "80"), Map.entry("SCHOOL", "80"));

    private final Generations generations;
    private final Organisations organisations;
    private final ActionDetails details;

    private final ForumMembers members;
    private final ForumListings listings;

    public ExportsController(
            Generations generations,
            Organisations organisations,
            ActionDetails details,
            ForumMembers members,
            ForumListings listings) {
        this.members = members;
        this.listings = listings;
        this.generations = generations;
        this.organisations = organisations;
        this.details = details;
    }

    @Operation(
            summary = "Who does what where as HXL-tagged CSV: one row per action x sector x area",
            description = "An attachment, written as it is read. #targeted and #reached read <5 below 5 and are "
                    + "otherwise rounded to a multiple of 5; a cell starting with =, +, -, @, tab or CR is prefixed "
                    + "with ' and quoted.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(path = "/3w.csv", produces = "text/csv")
    public void threeW(Caller caller, @PathVariable UUID forumId, HttpServletResponse response) throws IOException {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        Map<UUID, IatiXml.Org> orgs = new HashMap<>();
        // the file's order needs every action's owner's name: only ids, owners and titles are held for all of them
        List<ForumListings.ActionKey> keys = new ArrayList<>(listings.actionKeys(store.generation(), forumId, viewer));
        keys.sort(Comparator.comparing(
                k -> ThreeWCsv.key(org(store, orgs, k.ownerId()).name(), k.title(), k.id()), ThreeWCsv.order()));
        Writer out = attachment(response, "text/csv;charset=UTF-8", forumId, "3w.csv");
        ThreeWCsv.header(out);
        for (List<ActionRow> chunk : chunks(store, forumId, viewer, keys)) {
            Map<UUID, ProgressReport> reports = reports(chunk);
            for (ActionRow a : chunk) {
                IatiXml.Org owner = org(store, orgs, a.ownerId);
                ProgressReport report = a.latestReport == null ? null : reports.get(a.latestReport.reportId);
                List<IndicatorValue> indicators =
                        report == null || report.indicators() == null ? List.of() : report.indicators();
                ThreeWCsv.line(out, new ThreeWCsv.Line(a, owner.name(), owner.ref(), indicators));
            }
        }
        out.flush();
    }

    @Operation(
            summary = "The forum's visible actions as IATI 2.03 activities",
            description = "An attachment, written as it is read. Values of indicators counting people are rounded to "
                    + "a multiple of 5, or left out with a comment below 5.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @GetMapping(path = "/iati.xml", produces = "application/xml")
    public void iati(Caller caller, @PathVariable UUID forumId, HttpServletResponse response)
            throws IOException, XMLStreamException {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        Map<UUID, IatiXml.Org> orgs = new HashMap<>();
        List<ForumListings.ActionKey> keys = listings.actionKeys(store.generation(), forumId, viewer);
        Writer out = attachment(response, "application/xml;charset=UTF-8", forumId, "iati.xml");
        XMLStreamWriter x = IatiXml.start(out, Instant.now());
        for (List<ActionRow> chunk : chunks(store, forumId, viewer, keys)) {
            Map<UUID, Action> actions =
                    details.actions(chunk.stream().map(a -> a.id).toList());
            Map<UUID, ProgressReport> reports = reports(chunk);
            for (ActionRow a : chunk) {
                Action full = actions.get(a.id);
                List<IatiXml.Participant> participants = new ArrayList<>();
                if (full != null && full.participants() != null) {
                    full.participants().stream()
                            .filter(p -> p.organisationId() != null
                                    && p.role() != null
                                    && !p.organisationId().equals(a.ownerId)
                                    && viewer.maySeeOrganisation(p.organisationId()))
                            .forEach(p -> participants.add(
                                    new IatiXml.Participant(org(store, orgs, p.organisationId()), p.role())));
                }
                String description = full != null
                                && full.description() != null
                                && !full.description().isBlank()
                        ? full.description()
                        : describe(a);
                ProgressReport report = a.latestReport == null ? null : reports.get(a.latestReport.reportId);
                IatiXml.activity(
                        x, new IatiXml.Activity(a, org(store, orgs, a.ownerId), description, participants, report));
            }
        }
        IatiXml.end(x);
        out.flush();
    }

    /**
     * Actions read a chunk at a time, so that an export's memory does not grow with the forum. No transaction spans
     * the download: each query takes a connection only while it runs, so a slow client holds none, and each chunk
     * is read again under the visibility rule.
     */
    static final int CHUNK = 500;

    private Iterable<List<ActionRow>> chunks(
            JdbcStore store, UUID forumId, Viewer viewer, List<ForumListings.ActionKey> keys) {
        List<UUID> ids = keys.stream().map(ForumListings.ActionKey::id).toList();
        return () -> new java.util.Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < ids.size();
            }

            @Override
            public List<ActionRow> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                List<UUID> chunk = ids.subList(next, Math.min(ids.size(), next + CHUNK));
                next += chunk.size();
                return listings.actions(store.generation(), forumId, viewer, chunk);
            }
        };
    }

    /** The latest progress report of each action of the chunk that has one, in one query. */
    private Map<UUID, ProgressReport> reports(List<ActionRow> chunk) {
        List<UUID> actions = new ArrayList<>();
        List<UUID> reports = new ArrayList<>();
        for (ActionRow a : chunk) {
            if (a.latestReport != null) {
                actions.add(a.id);
                reports.add(a.latestReport.reportId);
            }
        }
        return details.reports(actions, reports);
    }

    /** An export is a file to save, never a page to render: sent as an attachment with its own name. */
    private static Writer attachment(HttpServletResponse response, String type, UUID forumId, String name)
            throws IOException {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("forum-" + forumId + "-" + name)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        return response.getWriter();
    }

    /** The organisation as the exports name and reference it, looked up once per export. */
    private IatiXml.Org org(ProjectionStore store, Map<UUID, IatiXml.Org> known, UUID id) {
        return known.computeIfAbsent(id, k -> org(store, k));
    }

    private IatiXml.Org org(ProjectionStore store, UUID id) {
        Stakeholder s = details.organisation(id).orElse(null);
        String name = store.organisation(id)
                .map(o -> o.name)
                .orElseGet(() -> organisations
                        .find(id)
                        .map(Organisations.KnownOrganisation::name)
                        .orElse(null));
        String ref = OWN_PREFIX + id;
        String type = "90";
        if (s != null) {
            if (s.externalIdentifiers() != null) {
                for (ExternalIdentifier e : s.externalIdentifiers()) {
                    if (e != null
                            && e.scheme() != null
                            && e.identifier() != null
                            && !e.identifier().isBlank()) {
                        ref = e.scheme() + "-" + e.identifier();
                        break;
                    }
                }
            }
            if (s.type() != null) {
                type = ORGANISATION_TYPES.getOrDefault(s.type().name(), "90");
            }
            if (name == null) {
                name = s.name();
            }
        }
        return new IatiXml.Org(ref, type, name);
    }

    private static String describe(ActionRow a) {
        String kind = a.kind == null
                ? "Action"
                : a.kind.charAt(0)
                        + a.kind.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return kind + " in " + String.join(", ", a.sectors)
                + (a.targetGroups.isEmpty() ? "" : " for " + String.join(", ", a.targetGroups)) + ".";
    }
}
