package org.arrival.forum.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.arrival.forum.projection.Rebuild;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.RecordNotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the projection from the topics; platform administrators only. */
@RestController
@RequestMapping(path = "/admin/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rebuild", description = "Replays every topic from the beginning into fresh tables and switches over")
public class RebuildController {

    private final Rebuild rebuild;

    public RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Start a rebuild (or see the one running); 202 with its status resource")
    @PostMapping
    public ResponseEntity<Rebuild.Status> start(Caller caller) {
        requireAdmin(caller);
        Rebuild.Status status = rebuild.start();
        return ResponseEntity.accepted()
                .location(URI.create("/admin/rebuild/" + status.id()))
                .body(status);
    }

    @Operation(summary = "A rebuild's status")
    @GetMapping("/{id}")
    public Rebuild.Status status(Caller caller, @PathVariable UUID id) {
        requireAdmin(caller);
        return rebuild.find(id).orElseThrow(() -> new RecordNotFound("rebuild", id));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessRefused("only platform administrators rebuild the forum view");
        }
    }
}
