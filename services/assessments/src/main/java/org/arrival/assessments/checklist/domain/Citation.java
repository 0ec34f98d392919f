package org.arrival.assessments.checklist.domain;

import java.util.Objects;

/** Where an instrument comes from: the publication it reconstructs. */
public record Citation(String author, int year, String title, String reference) {

    public Citation {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reference, "reference");
    }

    /** e.g. "UN-Habitat (2023) Mainstreaming Migration and Displacement into Urban Policy: A Guide. HS/056/23E". */
    public String text() {
        return author + " (" + year + ") " + title + ". " + reference;
    }
}
