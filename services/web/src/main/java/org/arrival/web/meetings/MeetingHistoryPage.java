package org.arrival.web.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.api.registry.RegistryApi.Revision;
import org.arrival.web.layout.Page;
import org.arrival.web.meetings.MeetingsApi.Meeting;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting's history for those who run the forum: every change of the meeting, of its decisions and of their
 * assignments, newest first, with the organisation that made it, as the forum's history names them. The registry
 * refuses others (403): they are told so.
 */
@Controller
public class MeetingHistoryPage {

    private final MeetingsApi meetings;
    private final RegistryApi registry;
    private final OrganisationNames names;

    public MeetingHistoryPage(MeetingsApi meetings, RegistryApi registry, OrganisationNames names) {
        this.meetings = meetings;
        this.registry = registry;
        this.names = names;
    }

    @GetMapping("/forums/{forumId}/meetings/{meetingId}/history")
    public String history(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @ModelAttribute("page") Page page,
            Model model,
            HttpServletResponse response) {
        ForumRecord forum = registry.forum(forumId);
        Meeting meeting = meetings.meeting(forumId, meetingId);
        List<Revision> changes = new ArrayList<>();
        String refused = null;
        try {
            changes.addAll(meetings.history(forumId, meetingId));
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            refused = page.t("meeting.history.refused");
        }
        changes.sort(Comparator.comparing(Revision::at).reversed());
        Map<UUID, String> actors = names.of(changes.stream()
                .map(r -> uuid(r.organisationId()))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        model.addAttribute("history", new HistoryView(forum, meeting, changes, actors, refused));
        return "meetings/history";
    }

    static @Nullable UUID uuid(@Nullable String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The changes, newest first, and the names of the organisations that made them. */
    public record HistoryView(
            ForumRecord forum,
            Meeting meeting,
            List<Revision> changes,
            Map<UUID, String> actors,
            @Nullable String refused) {

        public String path() {
            return "/forums/" + forum.id() + "/meetings/" + meeting.meetingId();
        }

        /** The organisation that made the change, when it has one the reader may know by name. */
        public @Nullable String actor(Revision change) {
            UUID id = uuid(change.organisationId());
            return id == null ? null : actors.get(id);
        }
    }
}
