package org.arrival.registry.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.registry.people.application.PeopleService;
import org.arrival.registry.people.persistence.PeopleChanges.PeopleChange;
import org.arrival.registry.people.realm.RealmPerson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/stakeholders/{id}/people", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "People",
        description = "An organisation's people (accounts in the identity provider acting for it) and their roles")
public class PeopleController {

    private final PeopleService people;

    public PeopleController(PeopleService people) {
        this.people = people;
    }

    @Operation(summary = "The organisation's people and their roles (its administrators and platform administrators)")
    @GetMapping
    public List<PersonView> list(Caller caller, @PathVariable UUID id) {
        return people.list(caller, id).stream().map(PersonView::of).toList();
    }

    @Operation(
            summary =
                    "Invite a colleague by e-mail with roles among org-admin, org-editor, member and forum-coordinator;"
                            + " they get a set-password e-mail. 409 if the address already has an account; 403 for"
                            + " platform-admin")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PersonView> invite(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody InvitationInput input) {
        RealmPerson p = people.invite(caller, id, input.email(), input.firstName(), input.lastName(), input.roles());
        return ResponseEntity.created(URI.create("/stakeholders/" + id + "/people/" + p.id()))
                .body(PersonView.of(p));
    }

    @Operation(summary = "Set a person's roles: those named are given, the others taken")
    @PutMapping(path = "/{personId}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PersonView roles(
            Caller caller, @PathVariable UUID id, @PathVariable String personId, @Valid @RequestBody RolesInput input) {
        return PersonView.of(people.changeRoles(caller, id, personId, input.roles()));
    }

    @Operation(summary = "Remove a person from the organisation: their account is closed")
    @DeleteMapping("/{personId}")
    public ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id, @PathVariable String personId) {
        people.remove(caller, id, personId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Who invited, changed or removed whom in the organisation, and when, newest first")
    @GetMapping("/history")
    public List<PeopleChange> history(Caller caller, @PathVariable UUID id) {
        return people.history(caller, id);
    }
}
