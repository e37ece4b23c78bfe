package uk.gov.local.healthcheck.portal.home;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.rounds.RoundLine;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Person;
import uk.gov.local.healthcheck.portal.web.Session;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The start page, and each person's home after sign-in: what is open for them, by role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class HomePage {

    /** One open round on a council's task list, with its return's status in words. */
    public record Task(RoundLine round, String href, String status, boolean done, String invitationsHref) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance start();

        public static native TemplateInstance home(Person person, String heading, List<Task> tasks, List<RoundLine> rounds,
                                                   String regionName);

        public static native TemplateInstance rounds(List<RoundLine> rounds);

        public static native TemplateInstance signedOut();

        public static native TemplateInstance accessibility();
    }

    private final Session session;
    private final Rounds rounds;

    @GET
    public Response start() {
        if (session.signedIn()) {
            return Response.seeOther(URI.create("/home")).build();
        }
        return Response.ok(Templates.start()).build();
    }

    @GET
    @Path("home")
    public TemplateInstance home() {
        Person person = session.person();
        List<RoundLine> all = rounds.all();
        List<Task> tasks = new ArrayList<>();
        String heading = "Social Work Health Check";
        String regionName = null;
        if (person.council()) {
            heading = person.authorityCode();
            for (RoundLine round : all) {
                if (!round.accepting()) {
                    continue;
                }
                JsonNode tracker = rounds.tracker(round.id(), false);
                JsonNode row = tracker.path("authorities").path(0);
                if (!row.isMissingNode()) {
                    heading = row.path("authorityName").asText(heading);
                }
                tasks.add(task(round, person, row));
            }
            if (tasks.isEmpty() && !all.isEmpty()) {
                heading = rounds.authorityName(all.get(0).id(), person.authorityCode());
            }
        } else if (person.ria()) {
            for (RoundLine round : all) {
                JsonNode region = rounds.tracker(round.id(), false).path("regions").path(0);
                if (!region.isMissingNode()) {
                    regionName = region.path("regionName").asText(person.regionCode());
                    break;
                }
            }
            heading = regionName == null ? person.regionCode() : regionName;
        }
        return Templates.home(person, heading, tasks, all, regionName);
    }

    static Task task(RoundLine round, Person person, JsonNode row) {
        String code = person.authorityCode();
        if (!round.returns()) {
            long responses = row.path("responses").asLong();
            return new Task(round, "/rounds/" + round.id() + "/invitations", responses + (responses == 1 ? " response" : " responses")
                    + " from your social workers", true, "/rounds/" + round.id() + "/invitations");
        }
        String status = row.path("status").asText("not-started");
        String when = RoundLine.moment(row.path("submittedAt").asText(row.path("savedAt").asText(null)));
        String words = switch (status) {
            case "submitted" -> "Submitted revision " + row.path("revision").asInt() + (when == null ? "" : " on " + when);
            case "draft" -> "Draft saved" + (RoundLine.moment(row.path("savedAt").asText(null)) == null ? ""
                    : " on " + RoundLine.moment(row.path("savedAt").asText(null)));
            case "withdrawn" -> "Withdrawn";
            default -> "Not started";
        };
        return new Task(round, "/rounds/" + round.id() + "/returns/" + code, words, "submitted".equals(status), null);
    }

    @GET
    @Path("rounds")
    public TemplateInstance roundList() {
        return Templates.rounds(rounds.all());
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }
}
