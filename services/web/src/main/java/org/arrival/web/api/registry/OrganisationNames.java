package org.arrival.web.api.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.springframework.stereotype.Component;

/**
 * Organisations' names as the registry shows them to the signed-in person, for pages that name the owners and
 * contributors of records. An organisation the person may not see is left out (the page says "an organisation").
 */
@Component
public class OrganisationNames {

    private final RegistryApi registry;

    public OrganisationNames(RegistryApi registry) {
        this.registry = registry;
    }

    /** The names of the organisations the person may see among {@code ids}, one registry call per organisation. */
    public Map<UUID, String> of(Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                continue;
            }
            try {
                RegistryApi.Organisation organisation = registry.organisation(id);
                if (organisation != null && organisation.name() != null) {
                    names.put(id, organisation.name());
                }
            } catch (ServiceProblem hidden) {
                if (!hidden.notFound() && !hidden.forbidden()) {
                    throw hidden;
                }
            }
        }
        return names;
    }
}
