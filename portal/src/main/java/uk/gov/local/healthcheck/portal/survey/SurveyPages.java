package uk.gov.local.healthcheck.portal.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.ApiProblem;
import uk.gov.local.healthcheck.portal.api.ApiResult;
import uk.gov.local.healthcheck.portal.api.FieldError;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The practitioner survey by invitation link: no sign-in, anonymous. Start page, one page per part of the survey
 * (the statements of each standard as radios), check your answers, submit, confirmation. An unknown, revoked,
 * expired or full link, or a closed round, each get their own page (404/410/409), never a stack trace.
 */
@Path("/survey/{code}")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class SurveyPages {

    public record Invitation(String code, String roundTitle, String authorityName, String closesOn, String base) {
    }

    public record CheckRow(String label, String value, String changeHref) {
    }

    public record CheckSection(String title, List<CheckRow> rows) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance start(Invitation invitation, int questions, int parts);

        public static native TemplateInstance page(Invitation invitation, SectionDef section, List<FieldView> fields,
                                                   List<ErrorLink> errors, int number, int total, String back);

        public static native TemplateInstance check(Invitation invitation, List<CheckSection> sections, List<ErrorLink> errors);

        public static native TemplateInstance sent();

        public static native TemplateInstance ended(Invitation invitation);
    }

    private final Invitations invitations;
    private final SurveyCookie cookies;
    private final AddressRateLimit limit;
    private final SectionForms forms;

    /** The invitation and its questionnaire, checked on every page so a revoked link stops at once. */
    record Loaded(Invitation invitation, InstrumentDefinition instrument) {
    }

    Loaded load(SurveyRequest request) {
        admit(request);
        String code = request.code();
        JsonNode inv = invitations.resolve(code);
        InstrumentDefinition instrument = invitations.instrument(inv.path("instrument").asText(), inv.path("version").asInt());
        String closes = inv.hasNonNull("closesOn") ? java.time.LocalDate.parse(inv.get("closesOn").asText()).format(RoundLine.DAY) : null;
        return new Loaded(new Invitation(code, inv.path("roundTitle").asText(inv.path("roundId").asText()),
                inv.path("authorityName").asText(inv.path("authorityCode").asText()), closes, "/survey/" + code), instrument);
    }

    /** Counts the request against its address's limit (held in memory only). */
    private void admit(SurveyRequest request) {
        if (request.address() != null && !limit.admit(request.address())) {
            throw new TooManyRequests();
        }
    }

    /** Raised when one address asks for too many survey pages. */
    public static class TooManyRequests extends RuntimeException {
        public TooManyRequests() {
            super("too many requests from one address", null, false, false);
        }
    }

    @GET
    public TemplateInstance start(@BeanParam SurveyRequest request) {
        Loaded l = load(request);
        int questions = l.instrument().sections().stream().mapToInt(s -> s.questions().size()).sum();
        return Templates.start(l.invitation(), questions, l.instrument().sections().size());
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response begin(@BeanParam SurveyRequest request) {
        Loaded l = load(request);
        String path = l.invitation().base();
        SurveyState state = cookies.read(path, request.answersCookie())
                .orElseGet(() -> new SurveyState(UUID.randomUUID().toString(), JsonNodeFactory.instance.objectNode()));
        return Response.seeOther(URI.create(path + "/questions/" + l.instrument().sections().get(0).id()))
                .cookie(cookies.write(path, state, request.ssl())).build();
    }

    @GET
    @Path("questions/{sectionId}")
    public Response page(@BeanParam SurveyRequest request, @PathParam("sectionId") String sectionId) {
        Loaded l = load(request);
        return withAnswers(l, request, state -> Response.ok(page(l, section(l, sectionId), state.answers(), List.of())).build());
    }

    @POST
    @Path("questions/{sectionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@BeanParam SurveyRequest request, @PathParam("sectionId") String sectionId,
                           MultivaluedMap<String, String> form) {
        Loaded l = load(request);
        return withAnswers(l, request, state -> answer(l, section(l, sectionId), state, form, request.ssl()));
    }

    private Response answer(Loaded l, SectionDef section, SurveyState state, MultivaluedMap<String, String> form, boolean ssl) {
        String path = l.invitation().base();
        AnswerBinder.Bound bound = AnswerBinder.bind(section, form, state.answers(), null);
        List<FieldError> missing = new ArrayList<>();
        for (QuestionDef q : section.questions()) {
            Condition when = Condition.parse(q.when());
            if (q.required() && !bound.answers().has(q.id()) && (when == null || when.holds(bound.answers()))) {
                missing.add(new FieldError(q.id(), "required", "Select " + q.label().toLowerCase()));
            }
        }
        SurveyState next = new SurveyState(state.responseId(), bound.answers());
        if (!missing.isEmpty()) {
            return Response.status(422).entity(page(l, section, bound.answers(), missing)).cookie(cookies.write(path, next, ssl)).build();
        }
        String target = l.instrument().after(section.id()).map(s -> path + "/questions/" + s.id()).orElse(path + "/check");
        return Response.seeOther(URI.create(target)).cookie(cookies.write(path, next, ssl)).build();
    }

    @GET
    @Path("check")
    public Response check(@BeanParam SurveyRequest request) {
        Loaded l = load(request);
        return withAnswers(l, request, state -> Response.ok(Templates.check(l.invitation(), checkSections(l, state.answers()), List.of())).build());
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam SurveyRequest request) {
        Loaded l = load(request);
        return withAnswers(l, request, state -> send(l, state, request.ssl()));
    }

    private Response send(Loaded l, SurveyState state, boolean ssl) {
        String path = l.invitation().base();
        JsonNode answers = state.answers().deepCopy();
        AnswerBinder.dropInapplicable(l.instrument(), (com.fasterxml.jackson.databind.node.ObjectNode) answers);
        ApiResult result = invitations.respond(l.invitation().code(), state.responseId(), answers);
        if (result.status() == 422) {
            ApiProblem problem = ApiProblem.of(422, result.json(), "your answers");
            List<ErrorLink> errors = ErrorLink.of(l.instrument(), problem.errors(), null, s -> path + "/questions/" + s);
            return Response.status(422).entity(Templates.check(l.invitation(), checkSections(l, state.answers()), errors)).build();
        }
        result.orThrow("this survey link");
        // the answers are sent: the only copy the browser held is deleted
        return Response.seeOther(URI.create(path + "/sent")).cookie(cookies.delete(path, ssl)).build();
    }

    /** The page made from the answers so far; the "ended" page when the answers' cookie has gone (expired or sent). */
    private Response withAnswers(Loaded l, SurveyRequest request, Function<SurveyState, Response> page) {
        return cookies.read(l.invitation().base(), request.answersCookie()).map(page)
                .orElseGet(() -> Response.ok(Templates.ended(l.invitation())).build());
    }

    @GET
    @Path("sent")
    public TemplateInstance sent(@BeanParam SurveyRequest request) {
        admit(request);
        // the link may be full or closed by now: the thank-you page does not depend on it
        return Templates.sent();
    }

    private TemplateInstance page(Loaded l, SectionDef section, JsonNode answers, List<FieldError> errors) {
        SectionForm form = forms.of(l.instrument(), section, answers, null, errors, l.invitation().base(), "/questions/");
        return Templates.page(l.invitation(), section, form.fields(), form.errors(), form.number(), form.total(), form.back());
    }

    private static List<CheckSection> checkSections(Loaded l, JsonNode answers) {
        List<CheckSection> sections = new ArrayList<>();
        for (SectionDef s : l.instrument().sections()) {
            List<CheckRow> rows = new ArrayList<>();
            for (QuestionDef q : s.questions()) {
                Condition when = Condition.parse(q.when());
                if (when == null || when.holds(answers)) {
                    rows.add(new CheckRow(q.label(), AnswerDisplay.of(q, answers),
                            l.invitation().base() + "/questions/" + s.id() + "#" + FormFields.htmlId(q.id())));
                }
            }
            sections.add(new CheckSection(s.heading(), rows));
        }
        return sections;
    }

    private static SectionDef section(Loaded l, String sectionId) {
        return l.instrument().section(sectionId).orElseThrow(() -> new ApiProblem(404, "unknown-section", "Unknown page",
                "The survey has no part " + sectionId, List.of(), "this part of the survey"));
    }
}
