package org.arrival.platform.security.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.NotFreeText;
import org.arrival.platform.web.OrganisationContact;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exercise every error path of the platform's web and security support. */
@RestController
@RequestMapping("/probe")
public class ProbeController {

    /** The one item that exists, at version {@link #CURRENT_VERSION}. */
    public static final UUID KNOWN = UUID.fromString("3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f");

    public static final long CURRENT_VERSION = 3;

    public enum Kind {
        ASSESSMENT,
        ACTION,
        REPORT
    }

    public record ItemRequest(
            @NotBlank @Size(max = 10) String name, @NotNull Kind kind) {}

    public record Item(UUID id, String name, Kind kind, long version) {}

    public record Part(String label, Integer count) {}

    public record NoteRequest(
            String title,
            @NotFreeText String code,
            @OrganisationContact String contact,
            java.time.LocalDate on,
            java.time.Instant at,
            java.util.List<Part> parts,
            Integer count,
            Double share,
            Kind kind) {}

    @PostMapping("/notes")
    public NoteRequest note(@RequestBody NoteRequest note) {
        return note;
    }

    @GetMapping("/search")
    public String search(@org.springframework.web.bind.annotation.RequestParam(required = false) String q) {
        return q == null ? "" : q;
    }

    @GetMapping("/exports/report")
    public String export() {
        return "report";
    }

    @GetMapping("/me")
    public Caller me(Caller caller) {
        return caller;
    }

    @PostMapping("/items")
    public ResponseEntity<Item> create(@Valid @RequestBody ItemRequest request) {
        Item item = new Item(UUID.randomUUID(), request.name(), request.kind(), 0);
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.of(item.version()))
                .body(item);
    }

    @GetMapping("/items/{id}")
    public ResponseEntity<Item> get(@PathVariable UUID id) {
        if (!KNOWN.equals(id)) {
            throw new RecordNotFound("item", id);
        }
        return ResponseEntity.ok()
                .eTag(ETags.of(CURRENT_VERSION))
                .body(new Item(id, "known", Kind.REPORT, CURRENT_VERSION));
    }

    @PutMapping("/items/{id}")
    public ResponseEntity<Item> update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ItemRequest request) {
        long version = ETags.requiredVersion(ifMatch);
        if (!KNOWN.equals(id)) {
            throw new RecordNotFound("item", id);
        }
        if (version != CURRENT_VERSION) {
            throw new StaleVersion("item", id, version);
        }
        return ResponseEntity.ok()
                .eTag(ETags.of(version + 1))
                .body(new Item(id, request.name(), request.kind(), version + 1));
    }

    @GetMapping("/admin")
    public String admin(Caller caller) {
        if (!caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new AccessRefused("Only platform administrators may open the administration probe");
        }
        return "welcome";
    }

    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals: connection to db-7.internal refused");
    }
}
