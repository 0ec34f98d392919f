package org.arrival.forum.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
            description = "An attachment. #targeted and #reached read <5 below 5 and are otherwise rounded to a "
                    + "multiple of 5; a cell starting with =, +, -, @, tab or CR is prefixed with ' and quoted.")
    @GetMapping(path = "/3w.csv", produces = "text/csv")
    @Transactional(readOnly = true)
    public ResponseEntity<String> threeW(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        List<ThreeWCsv.Line> lines = new ArrayList<>();
        for (ActionRow a : listings.actions(store.generation(), forumId, viewer)) {
            IatiXml.Org owner = org(store, a.ownerId);
            List<IndicatorValue> indicators = a.latestReport == null
                    ? List.of()
                    : details.report(a.id, a.latestReport.reportId)
                            .map(ProgressReport::indicators)
                            .filter(i -> i != null)
                            .orElse(List.of());
            lines.add(new ThreeWCsv.Line(a, owner.name(), owner.ref(), indicators));
        }
        return attachment(ThreeWCsv.write(lines), "text/csv;charset=UTF-8", forumId, "3w.csv");
    }

    @Operation(
            summary = "The forum's visible actions as IATI 2.03 activities",
            description = "An attachment. Values of indicators counting people are rounded to a multiple of 5, or "
                    + "left out with a comment below 5.")
    @GetMapping(path = "/iati.xml", produces = "application/xml")
    @Transactional(readOnly = true)
    public ResponseEntity<String> iati(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        List<IatiXml.Activity> activities = new ArrayList<>();
        for (ActionRow a : listings.actions(store.generation(), forumId, viewer)) {
            Action full = details.action(a.id).orElse(null);
            List<IatiXml.Participant> participants = new ArrayList<>();
            if (full != null && full.participants() != null) {
                full.participants().stream()
                        .filter(p -> p.organisationId() != null
                                && p.role() != null
                                && !p.organisationId().equals(a.ownerId)
                                && viewer.maySeeOrganisation(p.organisationId()))
                        .forEach(p ->
                                participants.add(new IatiXml.Participant(org(store, p.organisationId()), p.role())));
            }
            String description = full != null
                            && full.description() != null
                            && !full.description().isBlank()
                    ? full.description()
                    : describe(a);
            ProgressReport report = a.latestReport == null
                    ? null
                    : details.report(a.id, a.latestReport.reportId).orElse(null);
            activities.add(new IatiXml.Activity(a, org(store, a.ownerId), description, participants, report));
        }
        return attachment(
                IatiXml.write(activities, Instant.now()), "application/xml;charset=UTF-8", forumId, "iati.xml");
    }

    /** An export is a file to save, never a page to render: sent as an attachment with its own name. */
    private static ResponseEntity<String> attachment(String body, String type, UUID forumId, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("forum-" + forumId + "-" + name)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
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
