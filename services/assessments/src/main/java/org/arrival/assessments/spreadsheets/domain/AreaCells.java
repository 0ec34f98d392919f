package org.arrival.assessments.spreadsheets.domain;

import java.util.List;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.jspecify.annotations.Nullable;

/**
 * An area in four columns, read as the API's area is: ISO 3166 country (required) and subdivision codes, a lower
 * area's code (not screened as text) and its name (screened).
 */
public final class AreaCells {

    public static final String COUNTRY = "country";
    public static final String SUBDIVISION = "subdivision";
    public static final String AREA_CODE = "areaCode";
    public static final String AREA_NAME = "areaName";

    public static final List<String> KEYS = List.of(COUNTRY, SUBDIVISION, AREA_CODE, AREA_NAME);

    public static final int MAX_AREA_CODE = 32;
    public static final int MAX_AREA_NAME = 200;

    private AreaCells() {}

    /** The area, or null when the country is missing or wrong (the problem is recorded). */
    public static @Nullable Jurisdiction read(RowCells cells) {
        String country = cells.code(COUNTRY, "^[A-Z]{2}$", "an ISO 3166-1 alpha-2 code such as UG");
        SheetRow.required(cells, COUNTRY, country);
        String subdivision = cells.code(SUBDIVISION, "^[A-Z]{2}-[A-Z0-9]{1,3}$", "an ISO 3166-2 code such as UG-C");
        if (country != null && subdivision != null && !subdivision.startsWith(country + "-")) {
            cells.problem(SUBDIVISION, "must be a subdivision of " + country);
        }
        String code = cells.code(AREA_CODE, MAX_AREA_CODE);
        String name = cells.text(AREA_NAME, MAX_AREA_NAME);
        if (country == null) {
            return null;
        }
        return new Jurisdiction(country, subdivision, code, name);
    }

    public static List<String> exported(Jurisdiction area) {
        return List.of(area.country(), text(area.subdivision()), text(area.areaCode()), text(area.areaName()));
    }

    /** The area as a row's label names it: its name or code, and its subdivision or country. */
    public static String label(Jurisdiction area) {
        String place = area.areaName() != null ? area.areaName() : area.areaCode();
        String within = area.subdivision() != null ? area.subdivision() : area.country();
        return place == null ? within : place + " (" + within + ")";
    }

    static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
