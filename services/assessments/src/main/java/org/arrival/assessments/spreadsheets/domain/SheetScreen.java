package org.arrival.assessments.spreadsheets.domain;

import org.arrival.platform.spreadsheets.imports.CellScreen;
import org.arrival.platform.web.PersonalDataScreen;
import org.arrival.platform.web.RequestBodyScreen;
import org.jspecify.annotations.Nullable;

/** The screens of the API applied to a cell: control characters everywhere, personal data in free text. */
public final class SheetScreen {

    public static final CellScreen CELLS = SheetScreen::problem;

    private SheetScreen() {}

    static @Nullable String problem(String value, boolean freeText) {
        String control = RequestBodyScreen.controlProblem(value);
        if (control != null) {
            return control;
        }
        if (!freeText) {
            return null;
        }
        return PersonalDataScreen.screen(value)
                .map(f -> "seems to hold " + f.description() + "; personal data is never recorded here, remove it")
                .orElse(null);
    }
}
