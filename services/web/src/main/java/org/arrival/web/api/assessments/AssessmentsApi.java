package org.arrival.web.api.assessments;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.SpreadsheetImports;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The assessments service's public API: rounds, population estimates, needs and inputs, and their spreadsheets. */
@Component
public class AssessmentsApi {

    /** The largest page the service serves. */
    public static final int MAX_PAGE = 200;

    private final RestClient client;
    private final SpreadsheetImports spreadsheets;

    public AssessmentsApi(ApiClients clients) {
        this.client = clients.client(Service.ASSESSMENTS);
        this.spreadsheets = new SpreadsheetImports(client);
    }

    /** A place: ISO 3166 country and subdivision codes, an area code below them and its name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String areaCode,
            @Nullable String areaName) {

        /** The most specific name or code there is, for people to read. */
        public String shown() {
            for (String s : new String[] {areaName, areaCode, subdivision, country}) {
                if (s != null && !s.isBlank()) {
                    return s;
                }
            }
            return "";
        }
    }

    /**
     * A count of people as the caller may see it: exact ({@code value}) for its owner, else a multiple of 5 or
     * suppressed ({@code suppressed} is {@code "<5"}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(@Nullable Integer value, @Nullable String suppressed) {

        public boolean hidden() {
            return suppressed != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(
            UUID id,
            long version,
            UUID ownerId,
            String statement,
            String sector,
            List<String> populationGroups,
            @Nullable Area area,
            @Nullable String severity,
            List<String> barriers,
            List<String> evidenceReferences,
            @Nullable UUID roundId,
            String status,
            @Nullable String statusReason,
            List<UUID> actionIds,
            String classification,
            List<UUID> sharedWithForums,
            Instant createdAt,
            Instant updatedAt) {

        public Need {
            populationGroups = populationGroups == null ? List.of() : populationGroups;
            barriers = barriers == null ? List.of() : barriers;
            evidenceReferences = evidenceReferences == null ? List.of() : evidenceReferences;
            actionIds = actionIds == null ? List.of() : actionIds;
            sharedWithForums = sharedWithForums == null ? List.of() : sharedWithForums;
        }
    }

    /** The needs listing's filters, sort ({@code -createdAt}, {@code -updatedAt}, {@code -severity}) and page. */
    public record NeedQuery(
            @Nullable String sector,
            @Nullable String group,
            @Nullable String area,
            @Nullable String status,
            @Nullable UUID owner,
            @Nullable String sort,
            @Nullable Integer page,
            @Nullable Integer size) {

        void apply(UriBuilder uri) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("sector", sector);
            params.put("group", group);
            params.put("area", area);
            params.put("status", status);
            params.put("owner", owner);
            params.put("sort", sort);
            params.put("page", page);
            params.put("size", size);
            query(uri, params);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            UUID id,
            UUID contributorId,
            String subjectType,
            UUID subjectId,
            String kind,
            String summary,
            String provenance,
            LocalDate collectedOn,
            Count participants,
            String classification,
            List<UUID> sharedWithForums,
            Instant createdAt,
            ShownToOthers shownToOthers) {

        public Input {
            sharedWithForums = sharedWithForums == null ? List.of() : sharedWithForums;
        }
    }

    /** An input's count as everyone but its contributor sees it; only its contributor gets it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShownToOthers(Count participants) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Round(
            UUID id,
            long version,
            String title,
            Area jurisdiction,
            UUID convenorId,
            List<UUID> respondentIds,
            LocalDate closesOn,
            List<UUID> sharedWithForums,
            String status,
            @Nullable Instant createdAt) {

        public Round {
            respondentIds = respondentIds == null ? List.of() : respondentIds;
            sharedWithForums = sharedWithForums == null ? List.of() : sharedWithForums;
        }
    }

    /** One cell of an estimate's breakdown: a dimension ({@code SEX}, {@code AGE_BAND}, ...), a category, a count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cell(String dimension, String category, Count count) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Estimate(
            UUID id,
            long version,
            UUID ownerId,
            String seriesId,
            Area area,
            String group,
            Count registered,
            Count estimated,
            List<Cell> breakdown,
            String source,
            String method,
            LocalDate asOf,
            String classification,
            List<UUID> sharedWithForums,
            Instant createdAt,
            Instant updatedAt,
            ShownCounts shownToOthers) {

        public Estimate {
            breakdown = breakdown == null ? List.of() : breakdown;
            sharedWithForums = sharedWithForums == null ? List.of() : sharedWithForums;
        }
    }

    /** An estimate's counts as everyone but its owner sees them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShownCounts(Count registered, Count estimated, List<Cell> breakdown) {

        public ShownCounts {
            breakdown = breakdown == null ? List.of() : breakdown;
        }
    }

    // ---- needs

    public Need need(UUID id) {
        return required(client.get().uri("/needs/{id}", id).retrieve().body(Need.class));
    }

    public Listing<Need> needs(NeedQuery query) {
        return required(client.get()
                .uri(uri -> {
                    uri.path("/needs");
                    query.apply(uri);
                    return uri.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Need>>() {}));
    }

    /** Records a need for the caller's organisation; the body is the API's JSON fields. */
    public Need recordNeed(Map<String, Object> body) {
        return required(client.post()
                .uri("/needs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Need.class));
    }

    /** Replaces a need's details, if it is still at {@code version} (412 otherwise). */
    public Need reviseNeed(UUID id, long version, Map<String, Object> body) {
        return required(client.put()
                .uri("/needs/{id}", id)
                .header("If-Match", etag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Need.class));
    }

    /** Moves a need along its lifecycle, if it is still at {@code version}. */
    public Need moveNeed(UUID id, long version, String status, @Nullable String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        return required(client.post()
                .uri("/needs/{id}/status", id)
                .header("If-Match", etag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Need.class));
    }

    /** Records that an action addresses the need, if it is still at {@code version}. */
    public Need linkAction(UUID id, long version, UUID actionId) {
        return required(client.post()
                .uri("/needs/{id}/actions", id)
                .header("If-Match", etag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("actionId", actionId))
                .retrieve()
                .body(Need.class));
    }

    // ---- inputs

    /** Every input about the need that the caller may see, newest first. */
    public List<Input> inputsAboutNeed(UUID needId) {
        return all(page -> required(client.get()
                .uri("/needs/{id}/inputs?size={size}&page={page}", needId, MAX_PAGE, page)
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Input>>() {})));
    }

    /** Every input about a round, or from a contributor, that the caller may see, newest first. */
    public List<Input> inputs(@Nullable String subjectType, @Nullable UUID subjectId, @Nullable UUID contributor) {
        return all(page -> required(client.get()
                .uri(uri -> {
                    uri.path("/inputs");
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("subjectType", subjectType);
                    params.put("subjectId", subjectId);
                    params.put("contributor", contributor);
                    params.put("size", MAX_PAGE);
                    params.put("page", page);
                    query(uri, params);
                    return uri.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Input>>() {})));
    }

    /** Contributes an input of the caller's organisation to another's need or round. */
    public Input contribute(Map<String, Object> body) {
        return required(client.post()
                .uri("/inputs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Input.class));
    }

    // ---- rounds

    public Round round(UUID id) {
        return required(client.get().uri("/rounds/{id}", id).retrieve().body(Round.class));
    }

    /** Every round the caller may see, most recently changed first. */
    public List<Round> rounds() {
        return all(page -> required(client.get()
                .uri("/rounds?size={size}&page={page}", MAX_PAGE, page)
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Round>>() {})));
    }

    // ---- population estimates

    public Estimate estimate(UUID id) {
        return required(client.get().uri("/population/{id}", id).retrieve().body(Estimate.class));
    }

    /** Records a population estimate for the caller's organisation. */
    public Estimate recordEstimate(Map<String, Object> body) {
        return required(client.post()
                .uri("/population")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Estimate.class));
    }

    /** What others would see of an estimate's counts, checked as a recording is; stores nothing. */
    public ShownCounts previewEstimate(Map<String, Object> body) {
        return required(client.post()
                .uri("/population/preview")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(ShownCounts.class));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static void query(UriBuilder uri, Map<String, Object> params) {
        params.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isBlank()) {
                uri.queryParam(k, v);
            }
        });
    }

    private static <T> List<T> all(java.util.function.IntFunction<Listing<T>> pages) {
        List<T> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Listing<T> p = pages.apply(page);
            all.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                return all;
            }
        }
    }

    /** The organisation's needs the caller may see (at most 200, newest first). */
    public List<Need> needsOf(UUID owner) {
        return required(client.get()
                        .uri(uri -> uri.path("/needs")
                                .queryParam("owner", owner)
                                .queryParam("size", 200)
                                .build())
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Need>>() {}))
                .items();
    }

    /** The newest inputs about needs the caller may see (at most {@code size}), newest first. */
    public List<Input> inputsAboutNeeds(int size) {
        return required(client.get()
                        .uri(uri -> uri.path("/inputs")
                                .queryParam("subjectType", "NEED")
                                .queryParam("size", size)
                                .build())
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Input>>() {}))
                .items();
    }

    // ---- for linking actions: every need, the published rounds, their gaps, the checklist

    /** The needs the caller may see, newest first (one page of the largest size). */
    public List<Need> needs() {
        return required(client.get()
                        .uri(b -> b.path("/needs").queryParam("size", MAX_PAGE).build())
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Need>>() {}))
                .items();
    }

    /** The published rounds the caller may see, latest first. */
    public List<Round> publishedRounds() {
        return required(client.get()
                        .uri(b -> b.path("/rounds")
                                .queryParam("status", "PUBLISHED")
                                .queryParam("size", 50)
                                .build())
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Round>>() {}))
                .items();
    }

    public List<Gap> gaps(UUID roundId) {
        Gap[] gaps = client.get().uri("/rounds/{id}/gaps", roundId).retrieve().body(Gap[].class);
        return gaps == null ? List.of() : List.of(gaps);
    }

    /** A question of a published round that scored below its maximum. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(
            UUID id,
            UUID roundId,
            String recommendationCode,
            String actionCode,
            String questionCode,
            String consolidatedAnswer,
            double points,
            boolean divergent) {}

    /** The readiness checklist: recommendations, their actions and questions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checklist(String id, int version, String title, List<ChecklistRecommendation> recommendations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistRecommendation(String code, String title, List<ChecklistAction> actions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistAction(String code, String title, List<ChecklistQuestion> questions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistQuestion(String code, String text) {}

    public Checklist checklist() {
        return required(client.get().uri("/checklist").retrieve().body(Checklist.class));
    }

    // ---- running a round, answering it, its scores

    /** Creates a draft round convened by the caller's organisation; the body is the API's JSON fields. */
    public Round createRound(Map<String, Object> body) {
        return required(client.post()
                .uri("/rounds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Round.class));
    }

    /** Opens, closes or publishes a round ({@code step} open, close, publish), if it is still at {@code version}. */
    public Round moveRound(UUID id, long version, String step) {
        return required(client.post()
                .uri("/rounds/{id}/{step}", id, step)
                .header("If-Match", etag(version))
                .retrieve()
                .body(Round.class));
    }

    /** The published rounds of a country and subdivision the caller may see. */
    public List<Round> publishedRoundsAt(String country, @Nullable String subdivision) {
        return required(client.get()
                        .uri(b -> {
                            b.path("/rounds");
                            Map<String, Object> params = new LinkedHashMap<>();
                            params.put("country", country);
                            params.put("subdivision", subdivision);
                            params.put("status", "PUBLISHED");
                            params.put("size", 50);
                            query(b, params);
                            return b.build();
                        })
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Round>>() {}))
                .items();
    }

    /** One answer: Y, S or N, with an optional evidence note (left out for readers who may not see it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GivenAnswer(
            String question, String answer, @Nullable String evidence) {}

    /** A respondent's answers and, once it answered, the ETag a replacement must name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(
            UUID roundId,
            UUID respondentId,
            @Nullable Instant submittedAt,
            int answered,
            int questions,
            boolean evidenceShown,
            List<GivenAnswer> answers,
            @Nullable String etag) {

        public Response {
            answers = answers == null ? List.of() : answers;
        }

        Response withEtag(@Nullable String tag) {
            return new Response(roundId, respondentId, submittedAt, answered, questions, evidenceShown, answers, tag);
        }
    }

    public Response response(UUID roundId, UUID respondentId) {
        var entity = client.get()
                .uri("/rounds/{id}/responses/{respondent}", roundId, respondentId)
                .retrieve()
                .toEntity(Response.class);
        return required(entity.getBody()).withEtag(entity.getHeaders().getETag());
    }

    /**
     * Replaces the respondent's answers: with {@code etag} the answers it replaces (412 when someone changed them
     * since), without it as the first answers (If-None-Match: *).
     */
    public Response submitAnswers(UUID roundId, UUID respondentId, @Nullable String etag, List<GivenAnswer> answers) {
        var request = client.put().uri("/rounds/{id}/responses/{respondent}", roundId, respondentId);
        if (etag == null || etag.isBlank()) {
            request.header("If-None-Match", "*");
        } else {
            request.header("If-Match", etag);
        }
        var entity = request.contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("answers", answers))
                .retrieve()
                .toEntity(Response.class);
        return required(entity.getBody()).withEtag(entity.getHeaders().getETag());
    }

    /** A score with its coverage: points of max, of the assessed questions' max, and their share (null if none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(
            double points,
            int max,
            int assessedMax,
            int questionsAssessed,
            int questions,
            @Nullable Double share) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scores(
            UUID roundId,
            String status,
            Score overall,
            int respondentsAnswered,
            List<RecommendationScore> recommendations,
            List<RespondentScore> respondents,
            List<Divergence> divergences) {

        public Scores {
            recommendations = recommendations == null ? List.of() : recommendations;
            respondents = respondents == null ? List.of() : respondents;
            divergences = divergences == null ? List.of() : divergences;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecommendationScore(String code, Score score, List<ActionScore> actions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ActionScore(String code, Score score, List<QuestionScore> questions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuestionScore(
            String code, Score score, @Nullable Double points, int answeredBy, boolean unanswered, boolean divergent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RespondentScore(UUID respondentId, int answered, Score overall) {}

    /** A question respondents answered differently; {@code answers} (who said what) only for those who may see it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Divergence(
            String question,
            Map<String, Integer> answerCounts,
            @Nullable Map<UUID, String> answers) {}

    public Scores scores(UUID roundId) {
        return required(
                client.get().uri("/rounds/{id}/scores", roundId).retrieve().body(Scores.class));
    }

    /** Two published rounds compared like with like; {@code trend} NOT_COMPARABLE when no question is in both. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comparison(UUID from, UUID to, Delta overall, List<Delta> recommendations) {

        public Comparison {
            recommendations = recommendations == null ? List.of() : recommendations;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(
            @Nullable String code,
            Score from,
            Score to,
            int questionsCompared,
            int comparedMax,
            double fromPoints,
            double toPoints,
            @Nullable Double delta,
            String trend) {}

    public Comparison compare(UUID from, UUID to) {
        return required(client.get()
                .uri("/rounds/compare?from={from}&to={to}", from, to)
                .retrieve()
                .body(Comparison.class));
    }

    // ---- the spreadsheet round trip: needs and population estimates

    /** Export, import preview, confirmation, report and discard of this service's records as a spreadsheet. */
    public SpreadsheetImports spreadsheets() {
        return spreadsheets;
    }
}
