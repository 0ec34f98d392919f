package org.arrival.notifications.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's in-app notifications: their own and their organisation's; read state is the caller's own. What names
 * an organisation hidden from the caller is left out, as if it did not exist.
 */
@RestController
@RequestMapping(path = "/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "In-app notifications of the caller and their organisation")
public class InboxController {

    private final InboxRepository inbox;
    private final Organisations organisations;

    public InboxController(InboxRepository inbox, Organisations organisations) {
        this.inbox = inbox;
        this.organisations = organisations;
    }

    /** The organisations hidden from the caller by the read policy (those hidden from enforcement bodies, for one). */
    private Set<UUID> hidden(Caller caller) {
        return organisations.viewer(caller).hiddenOrganisations();
    }

    @Operation(
            summary = "The caller's notifications and their organisation's, newest first; unread=true for unread only",
            description = "subject=<record id> keeps those about that record (e.g. a progress report), with the same"
                    + " visibility as the whole list")
    @GetMapping
    @Transactional(readOnly = true)
    public PageResult<InboxItem> list(
            Caller caller,
            @Parameter(description = "true for unread notifications only") @RequestParam(required = false) @Nullable
                    Boolean unread,
            @Parameter(description = "the id of the record the notifications are about, e.g. a progress report's")
                    @RequestParam(required = false)
                    @Nullable
                    UUID subject,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size) {
        // one order only: newest first
        PageQuery paging = PageQuery.parse(page, size, "-createdAt", List.of("createdAt"), "-createdAt");
        if (caller.organisationId() == null) {
            return PageResult.of(List.of(), paging, 0);
        }
        return inbox.page(
                caller.organisationId(), caller.userId(), hidden(caller), Boolean.TRUE.equals(unread), subject, paging);
    }

    @Operation(summary = "How many of the caller's notifications they have not read")
    @GetMapping("/unread-count")
    @Transactional(readOnly = true)
    public Map<String, Long> unreadCount(Caller caller) {
        return Map.of(
                "unread",
                caller.organisationId() == null
                        ? 0
                        : inbox.unread(caller.organisationId(), caller.userId(), hidden(caller)));
    }

    @Operation(summary = "Mark one notification read for the caller")
    @PostMapping("/{id}/read")
    @Transactional
    public ResponseEntity<Void> read(Caller caller, @PathVariable UUID id) {
        if (caller.organisationId() == null
                || !inbox.visible(id, caller.organisationId(), caller.userId(), hidden(caller))) {
            throw new RecordNotFound("notification", id);
        }
        inbox.markRead(id, caller.userId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Mark all the caller's notifications read")
    @PostMapping("/read-all")
    @Transactional
    public Map<String, Integer> readAll(Caller caller) {
        return Map.of(
                "marked",
                caller.organisationId() == null
                        ? 0
                        : inbox.markAllRead(caller.organisationId(), caller.userId(), hidden(caller)));
    }
}
