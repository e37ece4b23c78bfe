package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.gov.local.healthcheck.deploy.browser.Browser;
import uk.gov.local.healthcheck.deploy.demo.DemoLoader;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.BENCHMARK;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.KEYCLOAK;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.PORTAL;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.SURVEY;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.eventually;

/**
 * Issue 12's results pages in a real browser on the real platform, from the DfE's published figures for 2022–2024
 * (loaded through the survey API as the demo is) and a practitioner round: a council's comparison, an RIA's sortable
 * region, the national report and its PDF, and a health check report withheld below 10 respondents. Every figure
 * checked on a page is the one the API gives the same person.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsPagesIT {

    static final String WARWICKSHIRE = "E10000031";
    static final String COVENTRY = "E08000026";
    static final String LONDON = "E12000007";
    static final String WORKFORCE_2024 = "workforce-2024";
    static final String PRACTITIONER_ROUND = "practitioner-results-" + UUID.randomUUID().toString().substring(0, 6);
    static final Pattern LEADING_NUMBER = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)");

    @BeforeAll
    static void platformWithPublishedFigures() throws Exception {
        RunningPlatform.ensureUp();
        Path csv = Files.createTempFile("csww-2022-2024", ".csv");
        List<String> lines = Files.readAllLines(Browser.ROOT.resolve("reference-data/csww_indicators_2017_to_2025.csv"));
        List<String> years = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.startsWith("2022,") || l.startsWith("2023,") || l.startsWith("2024,")).forEach(years::add);
        Files.write(csv, years);
        assertEquals(0, DemoLoader.load(csv, URI.create(SURVEY), URI.create(KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/token"),
                "lga1", "lga1-password", 4), "the DfE's 2022–2024 figures load as returns");
        practitionerRound();
        String lga = RunningPlatform.token("lga1");
        eventually(() -> given().auth().oauth2(lga).get(BENCHMARK + "/api/v1/benchmarks/" + WORKFORCE_2024 + "/regions/" + LONDON),
                r -> r.statusCode() == 200 && r.jsonPath().getList("authorities").size() >= 30);
        eventually(() -> given().auth().oauth2(lga).get(BENCHMARK + "/api/v1/benchmarks/" + PRACTITIONER_ROUND + "/authorities/" + COVENTRY),
                r -> r.statusCode() == 200 && r.asString().contains("\"indicator\":\"respondents\",") && r.asString().contains("\"value\":9.0"));
        eventually(() -> given().auth().oauth2(lga).get(BENCHMARK + "/api/v1/benchmarks/" + PRACTITIONER_ROUND + "/authorities/" + WARWICKSHIRE),
                r -> r.statusCode() == 200 && r.asString().contains("\"value\":12.0"));
    }

    /** Warwickshire 12 respondents, Coventry 9 (withheld), Birmingham 11, Solihull 10: the West Midlands has figures. */
    static void practitionerRound() throws Exception {
        String lga = RunningPlatform.token("lga1");
        given().auth().oauth2(lga).contentType(ContentType.JSON)
                .body("{\"id\":\"" + PRACTITIONER_ROUND + "\",\"instrument\":\"practitioner-survey\",\"version\":1,\"title\":\"Practitioner "
                        + "survey (results pages)\",\"period\":\"" + LocalDate.now(RunningPlatform.LONDON).getYear() + "\","
                        + RunningPlatform.roundDates(1) + "}")
                .post(SURVEY + "/api/v1/rounds").then().statusCode(201);
        JsonNode instrument = RunningPlatform.getJson(lga, SURVEY + "/api/v1/instruments/practitioner-survey/1");
        List<String> statements = new ArrayList<>();
        instrument.path("sections").forEach(s -> s.path("questions").forEach(q -> {
            if ("likert".equalsIgnoreCase(q.path("type").asText())) {
                statements.add(q.path("id").asText());
            }
        }));
        StringBuilder batch = new StringBuilder();
        int[] counts = {12, 9, 11, 10};
        String[] authorities = {WARWICKSHIRE, COVENTRY, "E08000025", "E08000029"};
        for (int a = 0; a < authorities.length; a++) {
            for (int i = 0; i < counts[a]; i++) {
                StringBuilder answers = new StringBuilder("{\"profile.role\":\"social_worker\",\"profile.service\":\"children\","
                        + "\"profile.asye_last_3_years\":\"yes\"");
                for (int s = 0; s < statements.size(); s++) {
                    // about three in four agree, varying by statement and respondent; nobody says not applicable
                    answers.append(",\"").append(statements.get(s)).append("\":\"").append((i + s + a) % 4 == 0 ? "disagree" : "agree").append('"');
                }
                batch.append("{\"responseId\":\"").append(UUID.randomUUID()).append("\",\"authorityCode\":\"").append(authorities[a])
                        .append("\",\"answers\":").append(answers).append("}}\n");
            }
        }
        given().auth().oauth2(lga).contentType("application/x-ndjson").body(batch.toString().getBytes(StandardCharsets.UTF_8))
                .post(SURVEY + "/api/v1/rounds/" + PRACTITIONER_ROUND + "/responses/batch")
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(42));
    }

    @Test
    @Order(1)
    void aCouncilFindsTheApisFiguresOnItsComparisonTheirSeriesAndItsPdf() throws Exception {
        JsonNode comparison = apiAnswer("council1", BENCHMARK + "/api/v1/benchmarks/" + WORKFORCE_2024 + "/authorities/" + WARWICKSHIRE);
        JsonNode agency = indicator(comparison, "agency_rate");
        String value = agency.get("value").decimalValue().toPlainString() + "%";
        String region = agency.path("region").get("value").decimalValue().toPlainString() + "%";
        String rank = agency.get("rankEngland").asText() + " of " + agency.get("rankedEngland").asText() + " in England";
        try (Browser browser = Browser.start("ResultsPagesIT-council1")) {
            browser.open(PORTAL + "/councils/" + WARWICKSHIRE + "/rounds/" + WORKFORCE_2024);
            browser.signInWithKeycloak("council1", "council1-password");
            WebElement row = browser.waitFor(By.id("row-agency_rate"));
            assertTrue(row.getText().contains(value), "Warwickshire's agency rate " + value + ": " + row.getText());
            assertTrue(row.getText().contains(region), "the West Midlands' " + region + ": " + row.getText());
            assertTrue(row.getText().contains(rank), rank + ": " + row.getText());
            assertTrue(row.getText().contains(comparison.path("rounds").get(1).path("period").asText()), "the previous round is shown");
            String chart = browser.find(By.cssSelector("#indicator-agency_rate ~ div svg[role='img']")).getAttribute("aria-label");
            assertTrue(chart.contains(value) && chart.contains(region), "the chart's text alternative has the same figures: " + chart);
            browser.screenshotAndCheckAccessibility("warwickshire-workforce-2024", "council comparison, workforce 2024");

            browser.find(By.cssSelector("a[href='/councils/" + WARWICKSHIRE + "/indicators/agency_rate']")).click();
            WebElement series = browser.waitFor(By.id("series"));
            assertTrue(series.getText().contains("2024") && series.getText().contains(value), series.getText());
            String line = browser.find(By.cssSelector("svg[role='img']")).getAttribute("aria-label");
            assertTrue(line.contains("Warwickshire") && line.contains("England") && line.contains(value), line);
            browser.screenshotAndCheckAccessibility("warwickshire-agency-rate-series", "indicator series");

            String text = pdfText(browser, PORTAL + "/councils/" + WARWICKSHIRE + "/rounds/" + WORKFORCE_2024 + ".pdf", 1);
            assertTrue(text.contains("Warwickshire") && text.contains(value), "the PDF has the page's figures");
        }
    }

    @Test
    @Order(2)
    void anRiaSortsItsRegionByAColumnBothWays() throws Exception {
        JsonNode table = apiAnswer("ria1", BENCHMARK + "/api/v1/benchmarks/" + WORKFORCE_2024 + "/regions/" + LONDON);
        JsonNode agency = indicator(table, "agency_rate");
        try (Browser browser = Browser.start("ResultsPagesIT-ria1")) {
            browser.open(PORTAL + "/regions/" + LONDON + "/rounds/" + WORKFORCE_2024);
            browser.signInWithKeycloak("ria1", "ria1-password");
            browser.waitFor(By.id("region-table"));
            assertEquals(table.path("authorities").size(), browser.driver().findElements(By.cssSelector("#region-table tbody:first-of-type tr")).size(),
                    "every London authority has a row");
            String regionRow = browser.find(By.id("region-row")).getText();
            assertTrue(regionRow.contains(agency.path("region").get("value").decimalValue().toPlainString() + "%"), regionRow);
            assertTrue(browser.find(By.id("england-row")).getText().contains(agency.path("england").get("value").decimalValue().toPlainString() + "%"));
            assertTrue(browser.find(By.cssSelector("#region-table td.app-band-A, #region-table td.app-band-D")).getText().contains("Band "),
                    "a shaded cell says its band in words too");

            browser.find(By.cssSelector("#col-agency_rate a")).click();
            browser.waitFor(By.cssSelector("#col-agency_rate[aria-sort='ascending']"));
            List<BigDecimal> ascending = column(browser, "agency_rate");
            assertTrue(ascending.size() > 20, "most London authorities have an agency rate: " + ascending);
            for (int i = 1; i < ascending.size(); i++) {
                assertTrue(ascending.get(i - 1).compareTo(ascending.get(i)) <= 0, "ascending: " + ascending);
            }
            browser.screenshotAndCheckAccessibility("london-by-agency-rate-ascending", "region table sorted");

            browser.find(By.cssSelector("#col-agency_rate a")).click();
            browser.waitFor(By.cssSelector("#col-agency_rate[aria-sort='descending']"));
            List<BigDecimal> descending = column(browser, "agency_rate");
            List<BigDecimal> reversed = new ArrayList<>(ascending);
            java.util.Collections.reverse(reversed);
            assertEquals(reversed, descending, "the other way round");
            browser.screenshot("london-by-agency-rate-descending");

            HttpResponse<byte[]> csv = browser.download(PORTAL + "/regions/" + LONDON + "/rounds/" + WORKFORCE_2024 + ".csv");
            assertEquals(200, csv.statusCode());
            String body = new String(csv.body(), StandardCharsets.UTF_8);
            assertTrue(body.startsWith("round,") && body.contains("agency_rate"), body.substring(0, Math.min(200, body.length())));

            browser.find(By.linkText(table.path("authorities").get(0).path("name").asText())).click();
            browser.waitFor(By.id("row-agency_rate"));
        }
    }

    @Test
    @Order(3)
    void theLgaReadsTheNationalReportLiveAndDownloadsItsPdf() throws Exception {
        String lga = RunningPlatform.token("lga1");
        int returns = given().auth().oauth2(lga).get(BENCHMARK + "/api/v1/reports/" + WORKFORCE_2024).then().statusCode(200)
                .extract().path("returns");
        try (Browser browser = Browser.start("ResultsPagesIT-lga1")) {
            browser.open(PORTAL + "/reports/" + WORKFORCE_2024);
            browser.signInWithKeycloak("lga1", "lga1-password");
            String title = browser.waitFor(By.tagName("h1")).getText();
            assertTrue(browser.find(By.id("as-at")).getText().matches("As at .+, " + returns + " returns\\..*"),
                    browser.find(By.id("as-at")).getText());
            assertFalse(browser.driver().findElements(By.cssSelector("main svg[role='img']")).isEmpty(), "each table has its chart");
            browser.screenshotAndCheckAccessibility("national-report-workforce-2024", "national report");

            String text = pdfText(browser, PORTAL + "/reports/" + WORKFORCE_2024 + ".pdf", 1);
            assertTrue(text.replaceAll("\\s+", " ").contains(title), "the PDF's text has the report's title '" + title + "'");
            assertTrue(text.contains("Page 1 of") && text.contains("As at"), "page numbers and the as-at footer");

            browser.open(PORTAL + "/reports/" + PRACTITIONER_ROUND);
            browser.waitFor(By.tagName("h1"));
            assertTrue(browser.text().contains("West Midlands"), "the standards by region");
            browser.screenshotAndCheckAccessibility("national-report-practitioner", "national report, practitioner round");
        }
    }

    @Test
    @Order(4)
    void aHealthCheckReportOfNineRespondentsShowsTheSuppressionNeverTheFigures() throws Exception {
        try (Browser browser = Browser.start("ResultsPagesIT-practitioner")) {
            browser.open(PORTAL + "/councils/" + COVENTRY + "/rounds/" + PRACTITIONER_ROUND);
            browser.signInWithKeycloak("lga1", "lga1-password");
            assertTrue(browser.waitFor(By.id("suppressed")).getText().contains("withheld"));
            List<WebElement> own = browser.driver().findElements(By.cssSelector("main table tbody tr td:nth-of-type(1)"));
            assertFalse(own.isEmpty());
            for (WebElement cell : own) {
                assertTrue(cell.getText().startsWith("[c]") || cell.getText().startsWith("–"), "Coventry's own figure is withheld: " + cell.getText());
            }
            assertTrue(browser.find(By.id("overall")).getText().startsWith("[c]") || browser.find(By.id("overall")).getText().startsWith("–"));
            for (WebElement chart : browser.driver().findElements(By.cssSelector("main svg[role='img']"))) {
                String alt = chart.getAttribute("aria-label");
                assertTrue(alt.contains("Standard score no figure"), "the chart draws no figure of Coventry's: " + alt);
            }
            browser.screenshotAndCheckAccessibility("coventry-nine-respondents", "health check report withheld");

            browser.open(PORTAL + "/councils/" + WARWICKSHIRE + "/rounds/" + PRACTITIONER_ROUND);
            assertTrue(browser.waitFor(By.id("overall")).getText().endsWith("%"), "12 respondents: published");
            assertTrue(browser.driver().findElements(By.id("suppressed")).isEmpty());
            assertTrue(browser.text().contains("good") || browser.text().contains("moderate") || browser.text().contains("requires clear steps"),
                    "the instrument's bands are shown");
            browser.screenshotAndCheckAccessibility("warwickshire-health-check-report", "health check report");
        }
    }

    /** What the API answers the demo user at {@code url} (200): the figures the pages must show the same person. */
    private static JsonNode apiAnswer(String user, String url) throws Exception {
        return RunningPlatform.getJson(RunningPlatform.token(user), url);
    }

    /** The indicator {@code id} of a comparison's or a region's {@code indicators}. */
    private static JsonNode indicator(JsonNode figures, String id) {
        for (JsonNode i : figures.path("indicators")) {
            if (id.equals(i.path("indicator").asText())) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in " + figures);
    }

    /** The numbers of a column of the region table, in row order (cells without a figure left out: they sort last). */
    private static List<BigDecimal> column(Browser browser, String indicator) {
        List<WebElement> heads = browser.driver().findElements(By.cssSelector("#region-table thead th"));
        int index = 0;
        for (int i = 0; i < heads.size(); i++) {
            if (("col-" + indicator).equals(heads.get(i).getAttribute("id"))) {
                index = i;
            }
        }
        List<BigDecimal> numbers = new ArrayList<>();
        boolean blank = false;
        for (WebElement row : browser.driver().findElements(By.cssSelector("#region-table tbody:first-of-type tr"))) {
            List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
            Matcher m = LEADING_NUMBER.matcher(cells.size() > index ? cells.get(index).getText() : "");
            if (m.find()) {
                assertFalse(blank, "authorities without a figure come last");
                numbers.add(new BigDecimal(m.group(1)));
            } else {
                blank = true;
            }
        }
        return numbers;
    }

    /** Downloads a PDF as the signed-in person and checks it is one of at least {@code minPages} A4 pages; its text. */
    private static String pdfText(Browser browser, String url, int minPages) throws Exception {
        HttpResponse<byte[]> response = browser.download(url);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertTrue(pdf.getNumberOfPages() >= minPages);
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), page.getWidth(), 1.0, "A4");
            assertEquals(PDRectangle.A4.getHeight(), page.getHeight(), 1.0, "A4");
            return new PDFTextStripper().getText(pdf);
        }
    }
}
