package uk.gov.local.healthcheck.portal.tracker;

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
import uk.gov.local.healthcheck.portal.forms.ErrorLink;
import uk.gov.local.healthcheck.portal.rounds.RoundLine;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Person;
import uk.gov.local.healthcheck.portal.web.Session;
import uk.gov.local.healthcheck.portal.web.Downloads;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The collection tracker: per round, every authority the person may see with its return's status or its count of
 * practitioner responses, totals by region, "not yet submitted" and a CSV download; the LGA extends or closes a
 * round here. Invitations to the practitioner survey are made and revoked here too. The API scopes every list.
 */
@Path("/rounds/{roundId}")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class TrackerPages {

    public record Row(String code, String name, String region, String status, String statusClass, String revision,
                      String when, long responses, long invitations, String href) {
    }

    public record RegionRow(String name, long authorities, long submitted, long drafts, long notStarted, long responses) {
    }

    public record InvitationRow(String id, String authority, String expiresOn, long maxResponses, long responses,
                                String status, boolean active) {
    }

    /** A link just made: its code is in the URL, shown this once. */
    public record CreatedLink(String authorityName, String url, long maxResponses, String expiresOn) {
        static CreatedLink of(JsonNode created) {
            return created == null ? null : new CreatedLink(created.path("authorityName").asText(), created.path("url").asText(),
                    created.path("maxResponses").asLong(), day(created.path("expiresOn").asText(null)));
        }
    }

    public record DateField(String day, String month, String year, String error) {
        /** The date the three boxes give, or empty when they do not give a real one. */
        java.util.Optional<LocalDate> date() {
            try {
                return java.util.Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return java.util.Optional.empty();
            }
        }

        static DateField posted(MultivaluedMap<String, String> form, String name) {
            return new DateField(trim(form.getFirst(name + "-day")), trim(form.getFirst(name + "-month")),
                    trim(form.getFirst(name + "-year")), null);
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance tracker(RoundLine round, Person person, List<Row> rows, List<RegionRow> regions,
                                                      RegionRow totals, boolean notSubmitted, String asAt, DateField extend,
                                                      List<ErrorLink> errors);

        public static native TemplateInstance invitations(RoundLine round, Person person, List<InvitationRow> invitations,
                                                          List<Row> authorities, String authority, DateField expires,
                                                          String maxResponses, List<ErrorLink> errors, CreatedLink created);
    }

    private final Rounds rounds;
    private final PersonApi api;
    private final Session session;

    @GET
    @Path("tracker")
    public TemplateInstance tracker(@PathParam("roundId") String roundId, @QueryParam("filter") String filter) {
        return trackerPage(roundId, "not-submitted".equals(filter), new DateField("", "", "", null), List.of());
    }

    private TemplateInstance trackerPage(String roundId, boolean notSubmitted, DateField extend, List<String> errors) {
        // the one field of the page is the new closing date: every message links to it
        List<ErrorLink> links = errors.stream().map(e -> new ErrorLink("#closesOn", e)).toList();
        RoundLine round = RoundLine.of(rounds.round(roundId));
        JsonNode tracker = rounds.tracker(roundId, notSubmitted);
        Person person = session.person();
        List<Row> rows = rows(round, tracker, person);
        List<RegionRow> regions = new ArrayList<>();
        for (JsonNode r : tracker.path("regions")) {
            regions.add(region(r.path("regionName").asText(r.path("regionCode").asText()), r));
        }
        RegionRow totals = region("Total", tracker.path("totals"));
        return Templates.tracker(round, person, rows, regions, totals, notSubmitted, RoundLine.moment(tracker.path("asAt").asText(null)),
                extend, links);
    }

    @GET
    @Path("tracker.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("roundId") String roundId) {
        return Downloads.csv(rounds.trackerCsv(roundId), "tracker", roundId);
    }

    @POST
    @Path("extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("roundId") String roundId, MultivaluedMap<String, String> form) {
        DateField date = DateField.posted(form, "closesOn");
        LocalDate closesOn = date.date().orElse(null);
        if (closesOn == null) {
            DateField bad = new DateField(date.day(), date.month(), date.year(), "Enter a real date, for example 31 3 2027");
            return Response.status(422).entity(trackerPage(roundId, false, bad, List.of(bad.error()))).build();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("closesOn", closesOn.toString());
        ApiResult result = api.send("POST", roundUrl(roundId) + "/extend", body, "extending round " + roundId);
        if (result.status() == 422) {
            ApiProblem problem = ApiProblem.of(422, result.json(), "round " + roundId);
            String message = problem.errors().isEmpty() ? problem.detail() : problem.errors().get(0).message();
            DateField bad = new DateField(date.day(), date.month(), date.year(), message);
            return Response.status(422).entity(trackerPage(roundId, false, bad, List.of(message))).build();
        }
        result.orThrow("extending round " + roundId);
        return Response.seeOther(URI.create("/rounds/" + roundId + "/tracker")).build();
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("roundId") String roundId, MultivaluedMap<String, String> form) {
        api.send("POST", roundUrl(roundId) + "/close", null, "closing round " + roundId).orThrow("closing round " + roundId);
        return Response.seeOther(URI.create("/rounds/" + roundId + "/tracker")).build();
    }

    @GET
    @Path("invitations")
    public TemplateInstance invitations(@PathParam("roundId") String roundId) {
        return invitationsPage(roundId, "", new DateField("", "", "", null), "", List.of(), null);
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("roundId") String roundId, MultivaluedMap<String, String> form) {
        Person person = session.person();
        String authority = person.lgaAdmin() ? trim(form.getFirst("authorityCode")) : person.authorityCode();
        DateField expires = DateField.posted(form, "expiresOn");
        String max = trim(form.getFirst("maxResponses"));
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("authorityCode", authority);
        expires.date().ifPresentOrElse(d -> body.put("expiresOn", d.toString()),
                () -> errors.add(new FieldError("expiresOn", "date", "Enter the date the link stops working, for example 31 3 2027")));
        try {
            body.put("maxResponses", Integer.parseInt(max));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("maxResponses", "type", "Enter the most responses the link may take, as a whole number"));
        }
        if (errors.isEmpty()) {
            ApiResult result = api.send("POST", roundUrl(roundId) + "/invitations", body, "invitations to round " + roundId);
            if (result.status() == 422) {
                errors.addAll(ApiProblem.of(422, result.json(), "the invitation").errors());
            } else {
                JsonNode created = result.orThrow("invitations to round " + roundId);
                return Response.status(201).entity(invitationsPage(roundId, authority, new DateField("", "", "", null), "", List.of(), created)).build();
            }
        }
        return Response.status(422).entity(invitationsPage(roundId, authority, expires, max, errors, null)).build();
    }

    @POST
    @Path("invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("roundId") String roundId, @PathParam("id") String id, MultivaluedMap<String, String> form) {
        api.send("DELETE", roundUrl(roundId) + "/invitations/" + Rounds.encode(id), null, "this invitation")
                .orThrow("this invitation");
        return Response.seeOther(URI.create("/rounds/" + roundId + "/invitations")).build();
    }

    private TemplateInstance invitationsPage(String roundId, String authority, DateField expires, String max,
                                             List<FieldError> errors, JsonNode created) {
        RoundLine round = RoundLine.of(rounds.round(roundId));
        Person person = session.person();
        String what = "the invitations of round " + roundId;
        List<InvitationRow> list = new ArrayList<>();
        for (JsonNode i : api.read(roundUrl(roundId) + "/invitations", what)) {
            list.add(new InvitationRow(i.path("id").asText(), i.path("authorityName").asText(i.path("authorityCode").asText()),
                    day(i.path("expiresOn").asText(null)), i.path("maxResponses").asLong(), i.path("responses").asLong(),
                    i.path("status").asText(), "active".equals(i.path("status").asText())));
        }
        List<Row> authorities = person.lgaAdmin() ? rows(round, rounds.tracker(roundId, false), person) : List.of();
        List<ErrorLink> links = errors.stream().map(e -> new ErrorLink("#" + e.field(), e.message())).toList();
        return Templates.invitations(round, person, list, authorities, authority, expires, max, links, CreatedLink.of(created));
    }

    private static List<Row> rows(RoundLine round, JsonNode tracker, Person person) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode a : tracker.path("authorities")) {
            String code = a.path("authorityCode").asText();
            String status = a.path("status").asText("not-started");
            String words = switch (status) {
                case "submitted" -> "Submitted";
                case "draft" -> "Draft";
                case "withdrawn" -> "Withdrawn";
                default -> "Not started";
            };
            String tag = switch (status) {
                case "submitted" -> "govuk-tag--green";
                case "draft" -> "govuk-tag--yellow";
                case "withdrawn" -> "govuk-tag--grey";
                default -> "govuk-tag--red";
            };
            String when = RoundLine.moment(a.path("submittedAt").asText(a.path("savedAt").asText(null)));
            boolean mayOpen = person.lgaAdmin() || code.equals(person.authorityCode());
            String href = round.returns() && mayOpen ? "/rounds/" + round.id() + "/returns/" + code : null;
            rows.add(new Row(code, a.path("authorityName").asText(code), a.path("regionName").asText(""), words, tag,
                    a.hasNonNull("revision") ? a.get("revision").asText() : "", when == null ? "" : when,
                    a.path("responses").asLong(), a.path("invitations").asLong(), href));
        }
        return rows;
    }

    private static RegionRow region(String name, JsonNode r) {
        return new RegionRow(name, r.path("authorities").asLong(), r.path("submitted").asLong(), r.path("drafts").asLong(),
                r.path("notStarted").asLong(), r.path("responses").asLong());
    }

    private String roundUrl(String roundId) {
        return api.endpoints().survey() + "/api/v1/rounds/" + Rounds.encode(roundId);
    }

    private static String day(String iso) {
        try {
            return iso == null ? "" : LocalDate.parse(iso).format(RoundLine.DAY);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
