package uk.gov.local.healthcheck.portal.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.ApiProblem;
import uk.gov.local.healthcheck.portal.api.ApiResult;
import uk.gov.local.healthcheck.portal.api.FieldError;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.forms.AnswerBinder;
import uk.gov.local.healthcheck.portal.forms.AnswerDisplay;
import uk.gov.local.healthcheck.portal.forms.Condition;
import uk.gov.local.healthcheck.portal.forms.ErrorLink;
import uk.gov.local.healthcheck.portal.forms.FieldView;
import uk.gov.local.healthcheck.portal.forms.FormFields;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.QuestionDef;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;
import uk.gov.local.healthcheck.portal.forms.SectionForm;
import uk.gov.local.healthcheck.portal.forms.SectionForms;
import uk.gov.local.healthcheck.portal.rounds.RoundLine;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Session;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A council's return as a web form, rendered from the instrument's definition: a task list of its sections, one
 * page per section, "check your answers", submit, confirmation and the revision history. Every save is a draft
 * through survey-service's API ({@code PUT …/returns/{code}} with status draft), so a return is resumed wherever
 * it was left, from any browser; the API decides who may do what.
 */
@Path("/rounds/{roundId}/returns/{code}")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class ReturnPages {

    public record SectionTask(String id, String title, String href, String status, boolean complete) {
    }

    public record CheckRow(String id, String label, String value, String changeHref) {
    }

    public record CheckSection(String title, List<CheckRow> rows) {
    }

    public record RevisionRow(int revision, String status, String at, int answered) {
    }

    /** What every page of a return shows about it. */
    public record Context(RoundLine round, String code, String authorityName, String instrumentTitle, String base, boolean mayEdit) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance overview(Context ctx, String status, List<SectionTask> sections, int missing, boolean saved);

        public static native TemplateInstance section(Context ctx, SectionDef section, List<FieldView> fields, List<ErrorLink> errors,
                                                      String problemDetail, int number, int total, String back);

        public static native TemplateInstance check(Context ctx, List<CheckSection> sections, List<ErrorLink> errors, String problemDetail);

        public static native TemplateInstance confirmation(Context ctx, int revision, String at);

        public static native TemplateInstance revisions(Context ctx, List<RevisionRow> revisions);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Rounds rounds;
    private final PersonApi api;
    private final Session session;
    private final SectionForms forms;

    /** The round, its instrument and the return as it stands (an empty one before the first save). */
    record Loaded(Context ctx, InstrumentDefinition instrument, JsonNode current) {
        JsonNode answers() {
            return current.path("answers").isObject() ? current.get("answers") : NODES.objectNode();
        }

        JsonNode explanations() {
            return current.path("explanations").isObject() ? current.get("explanations") : NODES.objectNode();
        }
    }

    Loaded load(String roundId, String code) {
        JsonNode roundJson = rounds.round(roundId);
        RoundLine round = RoundLine.of(roundJson);
        if (!round.returns()) {
            throw new ApiProblem(404, "not-a-return-round", "Not a return round", "Round " + roundId
                    + " collects the practitioner survey: councils invite their social workers instead", List.of(), "a return to " + roundId);
        }
        InstrumentDefinition instrument = rounds.instrument(round.instrument(), round.version());
        String what = code + "'s return to " + round.title();
        ApiResult result = api.get(returnUrl(roundId, code), what);
        JsonNode current;
        String refusal = result.status() == 404 ? ApiProblem.of(404, result.json(), what).kind() : null;
        // a 404 about the return itself means none is saved yet; about the round or the authority it is the answer
        if (refusal != null && !"unknown-round".equals(refusal) && !"unknown-authority".equals(refusal)) {
            current = NODES.objectNode();
        } else {
            current = result.orThrow(what);
        }
        String name = current.has("authorityName") ? current.get("authorityName").asText() : rounds.authorityName(roundId, code);
        boolean mayEdit = round.accepting() && session.person() != null && session.person().maySubmitFor(code);
        Context ctx = new Context(round, code, name, instrument.heading(), "/rounds/" + roundId + "/returns/" + code, mayEdit);
        return new Loaded(ctx, instrument, current);
    }

    @GET
    public TemplateInstance overview(@PathParam("roundId") String roundId, @PathParam("code") String code,
                                     @QueryParam("saved") boolean saved) {
        Loaded l = load(roundId, code);
        List<SectionTask> tasks = new ArrayList<>();
        for (SectionDef s : l.instrument().sections()) {
            tasks.add(task(l, s));
        }
        int missing = l.current().path("missing").size();
        return Templates.overview(l.ctx(), statusWords(l.current()), tasks, missing, saved);
    }

    @GET
    @Path("sections/{sectionId}")
    public TemplateInstance section(@PathParam("roundId") String roundId, @PathParam("code") String code,
                                    @PathParam("sectionId") String sectionId) {
        Loaded l = load(roundId, code);
        SectionDef section = section(l, sectionId);
        return sectionPage(l, section, l.answers(), l.explanations(), List.of(), null);
    }

    @POST
    @Path("sections/{sectionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("roundId") String roundId, @PathParam("code") String code,
                         @PathParam("sectionId") String sectionId, MultivaluedMap<String, String> form) {
        Loaded l = load(roundId, code);
        SectionDef section = section(l, sectionId);
        AnswerBinder.Bound bound = AnswerBinder.bind(section, form, l.answers(), l.explanations());
        ApiResult result = put(l, "draft", bound.answers(), bound.explanations());
        if (result.status() == 422) {
            ApiProblem problem = ApiProblem.of(422, result.json(), "the return");
            return Response.status(422).entity(sectionPage(l, section, bound.answers(), bound.explanations(), problem.errors(),
                    problem.detail())).build();
        }
        result.orThrow(l.ctx().authorityName() + "'s return to " + l.ctx().round().title());
        if ("save".equals(form.getFirst("action"))) {
            return Response.seeOther(URI.create(l.ctx().base() + "?saved=true")).build();
        }
        String next = l.instrument().after(sectionId).map(s -> l.ctx().base() + "/sections/" + s.id()).orElse(l.ctx().base() + "/check");
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("check")
    public TemplateInstance check(@PathParam("roundId") String roundId, @PathParam("code") String code) {
        Loaded l = load(roundId, code);
        return Templates.check(l.ctx(), checkSections(l), List.of(), null);
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("roundId") String roundId, @PathParam("code") String code, MultivaluedMap<String, String> form) {
        Loaded l = load(roundId, code);
        ApiResult result = put(l, "submitted", l.answers(), l.explanations());
        if (result.status() == 422) {
            ApiProblem problem = ApiProblem.of(422, result.json(), "the return");
            List<ErrorLink> errors = ErrorLink.of(l.instrument(), problem.errors(), null, s -> l.ctx().base() + "/sections/" + s);
            return Response.status(422).entity(Templates.check(l.ctx(), checkSections(l), errors, problem.detail())).build();
        }
        JsonNode stored = result.orThrow(l.ctx().authorityName() + "'s return to " + l.ctx().round().title());
        return Response.seeOther(URI.create(l.ctx().base() + "/confirmation?revision=" + stored.path("revision").asInt())).build();
    }

    @GET
    @Path("confirmation")
    public TemplateInstance confirmation(@PathParam("roundId") String roundId, @PathParam("code") String code,
                                         @QueryParam("revision") int revision) {
        Loaded l = load(roundId, code);
        return Templates.confirmation(l.ctx(), revision, RoundLine.moment(l.current().path("receivedAt").asText(null)));
    }

    @GET
    @Path("revisions")
    public TemplateInstance revisions(@PathParam("roundId") String roundId, @PathParam("code") String code) {
        Loaded l = load(roundId, code);
        String what = "the revisions of " + l.ctx().authorityName() + "'s return";
        List<RevisionRow> rows = new ArrayList<>();
        for (JsonNode r : api.read(returnUrl(roundId, code) + "/revisions", what)) {
            rows.add(new RevisionRow(r.path("revision").asInt(), statusName(r.path("status").asText()),
                    RoundLine.moment(r.path("receivedAt").asText(null)), r.path("answers").size()));
        }
        java.util.Collections.reverse(rows);
        return Templates.revisions(l.ctx(), rows);
    }

    private TemplateInstance sectionPage(Loaded l, SectionDef section, JsonNode answers, JsonNode explanations,
                                         List<FieldError> errors, String detail) {
        SectionForm form = forms.of(l.instrument(), section, answers, explanations, errors, l.ctx().base(), "/sections/");
        return Templates.section(l.ctx(), section, form.fields(), form.errors(), errors.isEmpty() ? null : detail,
                form.number(), form.total(), form.back());
    }

    private ApiResult put(Loaded l, String status, JsonNode answers, JsonNode explanations) {
        ObjectNode body = NODES.objectNode();
        body.put("status", status);
        ObjectNode applicable = answers.deepCopy();
        AnswerBinder.dropInapplicable(l.instrument(), applicable);
        body.set("answers", applicable);
        ObjectNode kept = NODES.objectNode();
        explanations.fields().forEachRemaining(e -> {
            if (applicable.has(e.getKey())) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        if (!kept.isEmpty()) {
            body.set("explanations", kept);
        }
        return api.send("PUT", returnUrl(l.ctx().round().id(), l.ctx().code()), body,
                l.ctx().authorityName() + "'s return to " + l.ctx().round().title());
    }

    private List<CheckSection> checkSections(Loaded l) {
        List<CheckSection> sections = new ArrayList<>();
        JsonNode answers = l.answers();
        for (SectionDef s : l.instrument().sections()) {
            List<CheckRow> rows = new ArrayList<>();
            for (QuestionDef q : s.questions()) {
                Condition when = Condition.parse(q.when());
                if (when != null && !when.holds(answers)) {
                    continue;
                }
                rows.add(new CheckRow(q.id(), q.label(), AnswerDisplay.of(q, answers),
                        l.ctx().base() + "/sections/" + s.id() + "#" + FormFields.htmlId(q.id())));
            }
            sections.add(new CheckSection(s.heading(), rows));
        }
        return sections;
    }

    private static SectionTask task(Loaded l, SectionDef s) {
        JsonNode answers = l.answers();
        boolean any = s.questions().stream().anyMatch(q -> answers.has(q.id()));
        boolean requiredMissing = s.questions().stream().anyMatch(q -> q.required() && !answers.has(q.id()));
        String status = !any ? "Not yet started" : requiredMissing ? "In progress" : "Completed";
        return new SectionTask(s.id(), s.heading(), l.ctx().base() + "/sections/" + s.id(), status, any && !requiredMissing);
    }

    private static SectionDef section(Loaded l, String sectionId) {
        return l.instrument().section(sectionId).orElseThrow(() -> new ApiProblem(404, "unknown-section", "Unknown section",
                "The questionnaire has no section " + sectionId, List.of(), "section " + sectionId));
    }

    static String statusWords(JsonNode current) {
        if (!current.has("status")) {
            return "Not started";
        }
        String at = RoundLine.moment(current.path("receivedAt").asText(null));
        return switch (current.path("status").asText()) {
            case "submitted" -> "Submitted revision " + current.path("revision").asInt() + (at == null ? "" : " on " + at);
            case "draft" -> "Draft saved" + (at == null ? "" : " on " + at);
            case "withdrawn" -> "Withdrawn";
            default -> current.path("status").asText();
        };
    }

    static String statusName(String status) {
        return switch (status) {
            case "submitted" -> "Submitted";
            case "draft" -> "Draft";
            case "withdrawn" -> "Withdrawn";
            default -> status;
        };
    }

    private String returnUrl(String roundId, String code) {
        return api.endpoints().survey() + "/api/v1/rounds/" + Rounds.encode(roundId) + "/returns/" + Rounds.encode(code);
    }

}
