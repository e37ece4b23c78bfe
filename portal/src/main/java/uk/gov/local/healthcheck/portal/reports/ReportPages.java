package uk.gov.local.healthcheck.portal.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.ApiResult;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.figures.IndicatorDictionary;
import uk.gov.local.healthcheck.portal.pdf.AsAt;
import uk.gov.local.healthcheck.portal.pdf.PdfRenderer;
import uk.gov.local.healthcheck.portal.pdf.PrintablePage;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The national report of a round, live: the state of the round now, "as at" this moment with the number of returns
 * (or respondents) it is made of; as a page and as a PDF made from the same template.
 */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class ReportPages {

    static final String WORKFORCE = "workforce-return";
    static final String PRACTITIONER = "practitioner-survey";

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance report(String roundId, String title, String period, String kind,
                                                     String asAt, int returns, String by, List<NationalReport.Table> tables);
    }

    private final PersonApi api;
    private final IndicatorDictionary dictionary;
    private final PdfRenderer pdf;

    @GET
    @Path("{roundId}")
    public TemplateInstance report(@PathParam("roundId") String roundId, @QueryParam("by") String by) {
        return printable(roundId, by).page();
    }

    private PrintablePage printable(String roundId, String by) {
        String source = "benchmark-service, national report of round " + roundId;
        String grouping = "region".equals(by) ? "region" : "councilType";
        String what = "the national report of " + roundId;
        String asAt = AsAt.now();
        JsonNode report = api.read(benchmark("/api/v1/reports/" + Rounds.encode(roundId) + "?by=" + grouping), what);
        String instrument = report.path("instrument").asText();
        String period = report.path("period").asText(roundId);
        int returns = report.path("returns").asInt();
        if (WORKFORCE.equals(instrument) || PRACTITIONER.equals(instrument)) {
            boolean practitioner = PRACTITIONER.equals(instrument);
            Map<String, JsonNode> definitions = dictionary.all();
            List<String> ids = NationalReport.indicatorsOf(instrument, definitions, practitioner);
            List<String> urls = ids.stream().map(id -> benchmark("/api/v1/benchmarks/" + Rounds.encode(roundId)
                    + "/indicators/" + Rounds.encode(id))).toList();
            List<NationalReport.Table> tables = new ArrayList<>();
            List<JsonNode> found = new ArrayList<>();
            List<ApiResult> answers = api.getAll(urls, what);
            for (int i = 0; i < ids.size(); i++) {
                ApiResult answer = answers.get(i);
                if (answer.status() == 404) {
                    continue; // an indicator no authority has a value for in this round: nothing to tabulate
                }
                found.add(answer.orThrow(what));
                tables.add(NationalReport.indicator(found.get(found.size() - 1), definitions.get(ids.get(i)), !practitioner));
            }
            if (practitioner && !found.isEmpty()) {
                tables.add(0, NationalReport.standardsByRegion(found, definitions));
            }
            String title = practitioner ? "Practitioner survey " + period + ": the standards by region"
                    : "Workforce " + period + ": England, regions and council types";
            return new PrintablePage(Templates.report(roundId, title, period, practitioner ? "practitioner" : "workforce",
                    asAt, returns, null, tables), "Social Work Health Check – " + title, source, asAt);
        }
        String title = "Employer health check " + period + ": national findings";
        return new PrintablePage(Templates.report(roundId, title, period, "employer", asAt, returns, grouping,
                NationalReport.questions(report)), "Social Work Health Check – " + title, source, asAt);
    }

    @GET
    @Path("{roundId}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("roundId") String roundId, @QueryParam("by") String by) {
        return Downloads.pdf(printable(roundId, by).pdf(pdf), "report", roundId);
    }

    private String benchmark(String path) {
        return api.endpoints().benchmark() + path;
    }
}
