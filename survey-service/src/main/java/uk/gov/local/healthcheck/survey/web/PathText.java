package uk.gov.local.healthcheck.survey.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ids in the path ({@code /rounds/{roundId}/returns/{authorityCode}}) are checked like the body's text: a
 * percent-encoded NUL ({@code %00}) or lone surrogate is refused with 422 naming the parameter, before it reaches a
 * query (PostgreSQL would fail the statement: a 500).
 */
public class PathText {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String why = SafeText.problem(value);
                if (why != null) {
                    violations.add(new Violation(parameter.getKey(), SafeText.CODE, parameter.getKey() + " " + why));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The path has " + violations.size() + " id(s) that cannot be stored; nothing was stored", violations);
        }
    }
}
