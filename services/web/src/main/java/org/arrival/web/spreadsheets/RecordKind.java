package org.arrival.web.spreadsheets;

import java.util.Arrays;
import java.util.Optional;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;

/**
 * What an organisation reports in a spreadsheet: the {@code records} the services name, and which service holds
 * them. Imports of the action-plans service are shown at {@code /spreadsheet-imports/{id}}, those of the assessments
 * service at {@code /assessment-imports/{id}}.
 */
public enum RecordKind {
    ACTIONS("actions", Service.ACTION_PLANS),
    MILESTONES("milestones", Service.ACTION_PLANS),
    FUNDING_LINES("funding-lines", Service.ACTION_PLANS),
    NEEDS("needs", Service.ASSESSMENTS),
    POPULATION_ESTIMATES("population-estimates", Service.ASSESSMENTS);

    /** Where the pages show an import of the action-plans service. */
    public static final String PLANS_IMPORTS = "spreadsheet-imports";

    /** Where the pages show an import of the assessments service. */
    public static final String ASSESSMENT_IMPORTS = "assessment-imports";

    private final String key;
    private final Service service;

    RecordKind(String key, Service service) {
        this.key = key;
        this.service = service;
    }

    /** The {@code records} value of the services' API and of these pages' addresses. */
    public String key() {
        return key;
    }

    public Service service() {
        return service;
    }

    /** The first segment of the address of this kind's imports on these pages. */
    public String imports() {
        return importsOf(service);
    }

    /** The address of an import of this kind on these pages. */
    public String importPath(Object id) {
        return "/" + imports() + "/" + id;
    }

    /** Only actions carry progress reports. */
    public boolean withReports() {
        return this == ACTIONS;
    }

    public static Optional<RecordKind> named(@Nullable String key) {
        String wanted = key == null || key.isBlank() ? ACTIONS.key : key;
        return Arrays.stream(values()).filter(k -> k.key.equals(wanted)).findFirst();
    }

    /** The kind an import says it holds, or the service's first kind when it does not say (or says another's). */
    public static RecordKind of(@Nullable String key, Service service) {
        return named(key).filter(k -> k.service == service).orElse(service == Service.ASSESSMENTS ? NEEDS : ACTIONS);
    }

    /** The service whose imports the pages show under the segment, if one does. */
    public static Optional<Service> serviceOf(String imports) {
        return switch (imports) {
            case PLANS_IMPORTS -> Optional.of(Service.ACTION_PLANS);
            case ASSESSMENT_IMPORTS -> Optional.of(Service.ASSESSMENTS);
            default -> Optional.empty();
        };
    }

    static String importsOf(Service service) {
        return service == Service.ASSESSMENTS ? ASSESSMENT_IMPORTS : PLANS_IMPORTS;
    }
}
