package org.arrival.web.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.FrameworkItem;
import org.arrival.web.api.actionplans.ActionPlansApi.Frameworks;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Checklist;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.registry.RegistryApi;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The names of what actions refer to by id (organisations, needs, checklist gaps, framework items, forums), asked
 * of the services that own them with the person's token, so a page never shows a raw id. One {@link Lookup} serves
 * one page and asks for each id once; the framework catalogue and the checklist are reference data that every
 * member may read, kept for an hour for everyone.
 */
@Component
public class References {

    static final Duration REFERENCE_DATA = Duration.ofHours(1);

    private final RegistryApi registry;
    private final AssessmentsApi assessments;
    private final ActionPlansApi actions;
    private final ForumApi forums;
    private final Cached<Frameworks> frameworks;
    private final Cached<Map<String, String>> questions;

    public References(RegistryApi registry, AssessmentsApi assessments, ActionPlansApi actions, ForumApi forums) {
        this.registry = registry;
        this.assessments = assessments;
        this.actions = actions;
        this.forums = forums;
        this.frameworks = new Cached<>(actions::frameworks);
        this.questions = new Cached<>(() -> questionTexts(assessments.checklist()));
    }

    public Lookup lookup() {
        return new Lookup();
    }

    /** The checklist's questions' texts by code (as the instrument words them, in English). */
    public Map<String, String> checklistQuestions() {
        return questions.get();
    }

    /** A gap of a published round, named by its round and checklist question. */
    public record GapName(UUID id, UUID roundId, String round, String questionCode, String question) {}

    /** The names one page needs, each asked once. */
    public final class Lookup {

        private final Map<UUID, Optional<String>> organisations = new HashMap<>();
        private final Map<UUID, Optional<Need>> needs = new HashMap<>();
        private @Nullable List<GapName> gaps;
        private @Nullable List<ForumSummary> myForums;
        private @Nullable List<RegistryApi.Organisation> everyOrganisation;

        /** The organisation's name as the registry gives it to the person, or null if it does not show it. */
        public @Nullable String organisation(@Nullable UUID id) {
            if (id == null) {
                return null;
            }
            return organisations
                    .computeIfAbsent(id, k -> {
                        if (everyOrganisation != null) {
                            return everyOrganisation.stream()
                                    .filter(o -> o.id().equals(k))
                                    .findFirst()
                                    .map(RegistryApi.Organisation::name)
                                    .or(() -> fetchOrganisation(k));
                        }
                        return fetchOrganisation(k);
                    })
                    .orElse(null);
        }

        private Optional<String> fetchOrganisation(UUID id) {
            try {
                return Optional.ofNullable(registry.organisation(id)).map(RegistryApi.Organisation::name);
            } catch (ServiceProblem e) {
                if (e.notFound() || e.forbidden()) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        /** Every organisation the person may see, by name. */
        public List<RegistryApi.Organisation> organisations() {
            if (everyOrganisation == null) {
                everyOrganisation = registry.organisations();
            }
            return everyOrganisation;
        }

        /** The need as the assessments service shows it to the person, or null if it does not. */
        public @Nullable Need need(UUID id) {
            return needs.computeIfAbsent(id, k -> {
                        try {
                            return Optional.ofNullable(assessments.need(k));
                        } catch (ServiceProblem e) {
                            if (e.notFound() || e.forbidden()) {
                                return Optional.empty();
                            }
                            throw e;
                        }
                    })
                    .orElse(null);
        }

        /** The needs the person may see, to link an action to. */
        public List<Need> needs() {
            List<Need> all = assessments.needs();
            all.forEach(n -> needs.putIfAbsent(n.id(), Optional.of(n)));
            return all;
        }

        /** The gaps of the published rounds the person may see, each named by its round and question. */
        public List<GapName> gaps() {
            if (gaps == null) {
                Map<String, String> texts = questions.get();
                List<GapName> all = new ArrayList<>();
                for (AssessmentsApi.Round round : assessments.publishedRounds()) {
                    for (AssessmentsApi.Gap gap : assessments.gaps(round.id())) {
                        all.add(new GapName(
                                gap.id(),
                                round.id(),
                                round.title(),
                                gap.questionCode(),
                                texts.getOrDefault(gap.questionCode(), "")));
                    }
                }
                gaps = all;
            }
            return gaps;
        }

        public @Nullable GapName gap(UUID id) {
            return gaps().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
        }

        public Frameworks frameworks() {
            return frameworks.get();
        }

        public @Nullable FrameworkItem frameworkItem(String code) {
            return frameworks.get().items().stream()
                    .filter(i -> i.code().equals(code))
                    .findFirst()
                    .orElse(null);
        }

        /** The forums the person's organisation sits in. */
        public List<ForumSummary> myForums() {
            if (myForums == null) {
                myForums = forums.myForums();
            }
            return myForums;
        }

        public @Nullable String forum(UUID id) {
            return myForums().stream()
                    .filter(f -> f.forumId().equals(id))
                    .findFirst()
                    .map(ForumSummary::name)
                    .orElse(null);
        }

        ActionPlansApi actions() {
            return actions;
        }
    }

    private static Map<String, String> questionTexts(@Nullable Checklist checklist) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (checklist != null && checklist.recommendations() != null) {
            checklist.recommendations().forEach(r -> {
                if (r.actions() != null) {
                    r.actions().forEach(a -> {
                        if (a.questions() != null) {
                            a.questions().forEach(q -> texts.put(q.code(), q.text()));
                        }
                    });
                }
            });
        }
        return texts;
    }

    /** A value every member may read, asked again after an hour. */
    static final class Cached<T> {

        private final Supplier<T> source;
        private volatile @Nullable T value;
        private volatile Instant until = Instant.MIN;

        Cached(Supplier<T> source) {
            this.source = source;
        }

        T get() {
            T v = value;
            if (v == null || Instant.now().isAfter(until)) {
                v = source.get();
                value = v;
                until = Instant.now().plus(REFERENCE_DATA);
            }
            return v;
        }
    }
}
