package uk.gov.local.healthcheck.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.local.healthcheck.portal.api.ApiProblem;

/**
 * An API's refusal, or a failure of the portal itself, as a page a person understands: what happened and what to do,
 * never a stack trace. The API's own words follow, since they are written for people too.
 */
@RequiredArgsConstructor
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance problem(String heading, String message, String detail, String action,
                                                      String actionHref);
    }

    private final Session session;

    @ServerExceptionMapper
    public Response tooMany(uk.gov.local.healthcheck.portal.survey.SurveyPages.TooManyRequests e) {
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", "60")
                .entity(Templates.problem("Too many requests", "Wait a minute, then try again. Your answers are kept.",
                        null, null, null).render()).build();
    }

    @ServerExceptionMapper
    public Response api(ApiProblem problem) {
        if (!signedIn()) {
            return anonymous(problem);
        }
        String what = problem.what() == null ? "this page" : problem.what();
        TemplateInstance page = switch (problem.status()) {
            case 401 -> Templates.problem("You need to sign in again", "Your session has ended.", null, "Sign in", "/home");
            case 403 -> Templates.problem("You do not have access to " + what,
                    "Your account does not allow this. If you think it should, ask your council's Principal Social Worker "
                            + "or the LGA's Health Check team to check your access.", problem.detail(), "Go to your home page", "/home");
            case 404 -> Templates.problem("Page not found", "We could not find " + what + ".", problem.detail(), "Go to your home page", "/home");
            case 409 -> "round-closed".equals(problem.kind()) || "round-not-yet-open".equals(problem.kind())
                    ? Templates.problem("round-closed".equals(problem.kind()) ? "This round is closed" : "This round is not open yet",
                    "Returns and responses can only be sent while a round is open.", problem.detail(), "Go to your home page", "/home")
                    : Templates.problem("This could not be done", problem.title(), problem.detail(), "Go to your home page", "/home");
            case 410 -> Templates.problem("This link can no longer be used", problem.title(), problem.detail(), null, null);
            case 503 -> Templates.problem("Sorry, there is a problem with the service",
                    "Try again in a few minutes. Anything you had saved is safe.", null, "Try again", null);
            default -> {
                LOG.warnf("API refused %s: %s", what, problem.getMessage());
                yield Templates.problem("Sorry, there is a problem with the service", "Try again later.", problem.detail(),
                        "Go to your home page", "/home");
            }
        };
        int status = problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    /** Someone following a survey link: no account, so no home page to send them to. */
    private Response anonymous(ApiProblem problem) {
        TemplateInstance page = switch (problem.status()) {
            case 404 -> Templates.problem("This survey link is not valid", "Check that you copied the whole link from the "
                    + "message your council sent you. If it still does not work, ask your council for a new link.", null, null, null);
            case 410 -> Templates.problem("This survey link can no longer be used", problem.title(),
                    problem.detail() + " Ask your council for a new link if the survey is still open.", null, null);
            case 409 -> Templates.problem("This survey is closed", "The survey is not taking answers now.", problem.detail(), null, null);
            case 503 -> Templates.problem("Sorry, there is a problem with the service",
                    "Try again in a few minutes. Your answers so far are kept in this browser.", null, null, null);
            default -> {
                LOG.warnf("API refused %s: %s", problem.what(), problem.getMessage());
                yield Templates.problem("Sorry, there is a problem with the service", "Try again later.", null, null, null);
            }
        };
        int status = problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private boolean signedIn() {
        try {
            return session.signedIn();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem("Page not found", "If you typed the web address, check it is correct.", null,
                        "Go to the start page", "/").render()).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            return w.getResponse();
        }
        LOG.error("Page failed", e);
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem("Sorry, there is a problem with the service", "Try again later.", null,
                        "Go to the start page", "/").render()).build();
    }
}
