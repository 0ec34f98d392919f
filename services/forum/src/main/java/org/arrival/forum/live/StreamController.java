package org.arrival.forum.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live updates of a forum's views, as server-sent events. */
@RestController
@Tag(name = "Live updates", description = "Hints that a forum's views changed, so a page fetches them again")
public class StreamController {

    private final LiveStreams streams;

    public StreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(
            summary = "A stream of hints that the forum's views changed (text/event-stream)",
            description = """
            For members of the forum (and platform administrators), with a bearer token like every view; anyone else \
            gets 404. Events: `ready` once connected (`heartbeatSeconds`, `expiresAt`); `changed` with \
            `{"forumId", "views": [...]}` after the projection committed a change the caller may see, where views \
            are `forum`, `tracker`, `who-what-where`, `needs-coverage`, `readiness` and `flags`; `expired` when the \
            token behind the stream expires, `closed` when the caller no longer sits in the forum. Comment lines \
            keep an idle stream open. Hints carry no record data: fetch the named views again. At most a few \
            streams per user (429 beyond).""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The stream",
                        content =
                                @Content(
                                        mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                        schema = @Schema(type = "string"))),
                @ApiResponse(responseCode = "401", description = "No valid bearer token"),
                @ApiResponse(responseCode = "404", description = "No such forum for this caller"),
                @ApiResponse(responseCode = "429", description = "Too many streams open")
            })
    @GetMapping(path = "/forums/{forumId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<SseEmitter> stream(Caller caller, @PathVariable UUID forumId, Principal principal) {
        Instant expiresAt = principal instanceof JwtAuthenticationToken token
                ? token.getToken().getExpiresAt()
                : null;
        SseEmitter emitter = streams.open(caller, forumId, expiresAt);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no") // proxies must not buffer the stream
                .body(emitter);
    }
}
