package org.arrival.registry.people.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;

/**
 * The roles a request asks an organisation to give (to a person or to an API client): each one among those it may
 * give, at least one, each once in the order asked. The refusals name the list's index and carry the caller's codes
 * ({@code <prefix>.role-unknown}, {@code <prefix>.no-role}).
 */
public record RequestedRoles(
        Set<String> allowed, String allowedWords, String codePrefix, String unknownTitle, String noneTitle) {

    public Set<String> checked(List<String> roles) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Set<String> given = new LinkedHashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (!allowed.contains(role)) {
                errors.add(new ApiException.FieldError(
                        "roles[" + i + "]", "must be one of " + allowedWords, codePrefix + ".role-unknown"));
            }
            given.add(role);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(unknownTitle, errors);
        }
        if (given.isEmpty()) {
            throw new InvalidInput(
                    noneTitle,
                    List.of(new ApiException.FieldError(
                            "roles", "must name at least one role", codePrefix + ".no-role")));
        }
        return given;
    }
}
