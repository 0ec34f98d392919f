package org.arrival.actionplans.frameworks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.arrival.actionplans.frameworks.domain.Framework;
import org.arrival.actionplans.frameworks.domain.FrameworkCatalogue;
import org.arrival.actionplans.frameworks.domain.FrameworkItem;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/frameworks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Frameworks", description = "The framework items actions can answer: UN-Habitat guide, SDGs, GCM, GCR, NUA")
public class FrameworkController {

    private final FrameworkCatalogue catalogue;

    public FrameworkController(FrameworkCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "The frameworks and their items, optionally of one framework (UNH, SDG, GCM, GCR, NUA)")
    @GetMapping
    public Listing list(Caller caller, @RequestParam(required = false) String framework) {
        if (framework == null || framework.isBlank()) {
            return new Listing(
                    catalogue.frameworks(),
                    catalogue.items().stream().map(ItemView::of).toList());
        }
        String f = framework.strip().toUpperCase(java.util.Locale.ROOT);
        if (!catalogue.knowsFramework(f)) {
            throw InvalidInput.field(
                    "framework",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    catalogue.frameworks().stream()
                                            .map(Framework::id)
                                            .toList()));
        }
        return new Listing(
                catalogue.frameworks().stream().filter(x -> x.id().equals(f)).toList(),
                catalogue.items(f).stream().map(ItemView::of).toList());
    }

    @Operation(summary = "One framework item by its code, e.g. SDG-11.1, GCM-15, UNH-R2.1")
    @GetMapping("/{code}")
    public ItemView get(Caller caller, @PathVariable String code) {
        return catalogue.find(code).map(ItemView::of).orElseThrow(() -> new RecordNotFound("framework item", code));
    }

    /** The frameworks and the items listed. */
    public record Listing(List<Framework> frameworks, List<ItemView> items) {}

    /** A framework item as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(
            String code,
            String framework,
            String title,
            @Nullable String parent) {

        static ItemView of(FrameworkItem i) {
            return new ItemView(i.code(), i.framework(), i.title(), i.parent());
        }
    }
}
