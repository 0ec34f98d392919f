package org.arrival.assessments.rounds.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.VersionRequired;
import org.jspecify.annotations.Nullable;

/**
 * What a submission of answers says about the answers it replaces: nothing (a first submission), that there are none
 * yet ({@code If-None-Match: *}), that there are some ({@code If-Match: *}) or which version it replaces
 * ({@code If-Match: "3"}). Replacing answers without saying which is refused, so one editor cannot silently undo
 * another's.
 *
 * @param version the version replaced, or null
 */
public record AnswersPrecondition(@Nullable Long version, boolean anyExisting, boolean noneExisting) {

    public static final AnswersPrecondition NONE = new AnswersPrecondition(null, false, false);

    /** From the request's {@code If-Match} and {@code If-None-Match} headers (either may be absent). */
    public static AnswersPrecondition of(@Nullable String ifMatch, @Nullable String ifNoneMatch) {
        boolean none = false;
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!"*".equals(ifNoneMatch.strip())) {
                throw InvalidInput.field("If-None-Match", "only * is understood here: the answers must not exist yet");
            }
            none = true;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return none ? new AnswersPrecondition(null, false, true) : NONE;
        }
        if (none) {
            throw InvalidInput.field("If-Match", "cannot be sent with If-None-Match: *");
        }
        if ("*".equals(ifMatch.strip())) {
            return new AnswersPrecondition(null, true, false);
        }
        return new AnswersPrecondition(ETags.requiredVersion(ifMatch), false, false);
    }

    /** Refuses the submission unless it holds for the answers stored now ({@code current} is their version). */
    void check(Optional<Long> current, UUID round, UUID respondent) {
        if (current.isPresent()) {
            if (noneExisting) {
                throw new AnswersPreconditionFailed("The answers of respondent " + respondent + " to round " + round
                        + " already exist; read them and send their ETag in If-Match to replace them");
            }
            if (version == null && !anyExisting) {
                throw new VersionRequired();
            }
            if (version != null && version.longValue() != current.get()) {
                throw new AnswersPreconditionFailed("The answers of respondent " + respondent + " to round " + round
                        + " are no longer at version " + version + "; read them again and retry with their ETag");
            }
        } else if (version != null) {
            throw new AnswersPreconditionFailed("Respondent " + respondent + " has no answers to round " + round
                    + " yet, so none at version " + version + "; submit them without If-Match");
        } else if (anyExisting) {
            throw new AnswersPreconditionFailed("Respondent " + respondent + " has no answers to round " + round
                    + " yet; submit them without If-Match");
        }
    }

    /** 412: the answers are not in the state the submission expected. */
    static final class AnswersPreconditionFailed extends ApiException {

        AnswersPreconditionFailed(String detail) {
            super(412, "Precondition failed", detail, List.of());
        }
    }
}
