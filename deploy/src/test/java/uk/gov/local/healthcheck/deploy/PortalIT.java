package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import uk.gov.local.healthcheck.deploy.browser.AxeSummary;
import uk.gov.local.healthcheck.deploy.browser.Browser;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.METRICS;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.PORTAL;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.SURVEY;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.eventually;

/**
 * The portal as people use it, in a real headless Chromium against the whole platform: a council's Principal Social
 * Worker signs in through Keycloak's own login page, fills the employer health check with a mistake, sees the error
 * summary, fixes it, saves, signs out and back in, resumes and submits, and the return's indicator appears in
 * metrics-service; the council invites its social workers, one answers the survey by the link in a browser of its
 * own (no account) and the round counts exactly one more response; a revoked link gets its page. Every page visited
 * is photographed (portal/target/screenshots/) and checked with axe-core: no serious or critical violation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {

    static final String WARWICKSHIRE = "E10000031";
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String EMPLOYER_ROUND = "employer-portal-" + RUN;
    static final String SURVEY_ROUND = "practitioner-portal-" + RUN;
    static String lga;
    static String invitationUrl;

    @BeforeAll
    static void platform() throws Exception {
        RunningPlatform.ensureUp();
        lga = RunningPlatform.token("lga1");
        createRound(EMPLOYER_ROUND, "employer-health-check", 2018, "Employer health check " + RUN);
        createRound(SURVEY_ROUND, "practitioner-survey", 1, "Practitioner survey " + RUN);
    }

    static void createRound(String id, String instrument, int version, String title) {
        given().auth().oauth2(lga).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"instrument\":\"" + instrument + "\",\"version\":" + version + ",\"title\":\"" + title
                        + "\",\"period\":\"" + LocalDate.now(RunningPlatform.LONDON).getYear() + "\"," + RunningPlatform.roundDates(1) + "}")
                .post(SURVEY + "/api/v1/rounds").then().statusCode(201);
    }

    @Test
    @Order(1)
    void aCouncilFillsItsEmployerReturnSavesResumesAndSubmitsIt(TestInfo test) throws Exception {
        try (Browser browser = Browser.start(test)) {
            browser.open(PORTAL + "/");
            browser.waitFor(By.cssSelector("h1"));
            browser.screenshotAndCheckAccessibility("start", "start page");
            browser.open(PORTAL + "/home");
            browser.screenshot("keycloak-login");
            browser.signInWithKeycloak("council1", "council1-password");
            browser.waitFor(By.cssSelector(".govuk-task-list"));
            assertTrue(browser.find(By.cssSelector("h1")).getText().contains("Warwickshire"), browser.text());
            assertTrue(browser.text().contains("Employer health check " + RUN), "the open round is on the task list");
            browser.screenshotAndCheckAccessibility("home", "council home");

            browser.find(By.linkText("Employer health check " + RUN)).click();
            browser.waitFor(By.id("return-status"));
            assertEquals("Not started", browser.find(By.id("return-status")).getText());
            browser.screenshotAndCheckAccessibility("return-overview", "return task list");

            browser.find(By.linkText("Contact details")).click();
            browser.waitFor(By.id("q-contact-name")).sendKeys("Sam Principal");
            browser.find(By.id("q-contact-job_title")).sendKeys("Principal Social Worker");
            browser.find(By.id("q-contact-email")).sendKeys("psw@warwickshire.example");
            browser.screenshotAndCheckAccessibility("section-contact", "section with text and email");
            browser.find(By.id("save-continue")).click();

            // the next section (achievements, free-text lists), then workforce planning with a deliberate mistake
            browser.waitFor(By.id("q-overview-positive_achievements"));
            browser.find(By.id("save-continue")).click();
            browser.waitFor(By.id("q-s2-posts_fte")).sendKeys("one hundred");
            browser.find(By.id("q-s2-unfilled_fte")).sendKeys("12");
            browser.find(By.id("save-continue")).click();

            WebElement summary = browser.waitFor(By.cssSelector(".govuk-error-summary"));
            WebElement link = summary.findElement(By.cssSelector("a[href='#q-s2-posts_fte']"));
            assertTrue(link.getText().contains("number"), "the API's message names what is wrong: " + link.getText());
            assertEquals("one hundred", browser.find(By.id("q-s2-posts_fte")).getAttribute("value"), "nothing typed is lost");
            assertEquals("12", browser.find(By.id("q-s2-unfilled_fte")).getAttribute("value"));
            assertTrue(browser.find(By.id("q-s2-posts_fte-error")).isDisplayed());
            browser.screenshotAndCheckAccessibility("section-error", "section with an error");
            link.click();
            assertEquals("q-s2-posts_fte", browser.activeElement().getAttribute("id"), "the summary's link goes to the field");

            WebElement posts = browser.find(By.id("q-s2-posts_fte"));
            posts.clear();
            posts.sendKeys("120.5");
            browser.find(By.id("save-later")).click();
            browser.waitFor(By.cssSelector(".govuk-notification-banner--success"));
            assertTrue(browser.find(By.id("return-status")).getText().startsWith("Draft saved"), browser.text());
            browser.screenshotAndCheckAccessibility("saved", "saved banner");

            browser.find(By.id("sign-out")).click();
            browser.waitFor(By.xpath("//h1[contains(., 'signed out')]"));
            browser.screenshotAndCheckAccessibility("signed-out", "signed out");

            // back again: the Keycloak session has ended, so this is a new sign-in
            browser.open(PORTAL + "/rounds/" + EMPLOYER_ROUND + "/returns/" + WARWICKSHIRE);
            browser.signInWithKeycloak("council1", "council1-password");
            browser.waitFor(By.id("return-status"));
            browser.find(By.linkText("Effective Workforce Planning - Standard 2")).click();
            assertEquals("120.5", browser.waitFor(By.id("q-s2-posts_fte")).getAttribute("value"), "resumed where it was left");
            assertEquals("12", browser.find(By.id("q-s2-unfilled_fte")).getAttribute("value"));
            browser.screenshot("resumed");

            browser.open(PORTAL + "/rounds/" + EMPLOYER_ROUND + "/returns/" + WARWICKSHIRE + "/check");
            browser.waitFor(By.id("submit-return"));
            assertTrue(browser.text().contains("Sam Principal"));
            browser.screenshotAndCheckAccessibility("check-answers", "check your answers");
            browser.find(By.id("submit-return")).click();

            // submitting without the one required consent: the API refuses, the summary links to the question's page
            WebElement refused = browser.waitFor(By.cssSelector(".govuk-error-summary"));
            assertTrue(refused.getText().contains("consent.named_publication"), refused.getText());
            browser.screenshotAndCheckAccessibility("submit-refused", "check answers with errors");
            refused.findElement(By.cssSelector("a[href$='/sections/consent#q-consent-named_publication']")).click();
            browser.waitFor(By.cssSelector("label[for='q-consent-named_publication-2']")).click();
            browser.screenshotAndCheckAccessibility("section-consent", "section with radios");
            browser.find(By.id("save-continue")).click();
            browser.waitFor(By.id("submit-return")).click();
            String revision = browser.waitFor(By.id("revision")).getText();
            assertTrue(Integer.parseInt(revision) >= 1, revision);
            browser.screenshotAndCheckAccessibility("confirmation", "confirmation");

            browser.find(By.linkText("See the revision history")).click();
            browser.waitFor(By.cssSelector("table.govuk-table"));
            assertTrue(browser.text().contains("Submitted"), browser.text());
            browser.screenshotAndCheckAccessibility("revisions", "revision history");
        }

        String council = RunningPlatform.token("council1");
        JsonNode indicators = eventually(() -> given().auth().oauth2(council)
                        .get(METRICS + "/api/v1/authorities/" + WARWICKSHIRE + "/indicators?round=" + EMPLOYER_ROUND),
                r -> r.statusCode() == 200 && r.asString().contains("unfilled_post_rate"));
        assertEquals(12 / 120.5 * 100, PlatformIT.indicator(indicators, "unfilled_post_rate"), 1e-9);
    }

    @Test
    @Order(2)
    void aCouncilInvitesItsSocialWorkersAndOneAnswersAnonymouslyWithTheKeyboard(TestInfo test) throws Exception {
        long before = responses();
        try (Browser council = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-council")) {
            council.open(PORTAL + "/rounds/" + SURVEY_ROUND + "/invitations");
            council.signInWithKeycloak("council1", "council1-password");
            LocalDate expires = LocalDate.now(RunningPlatform.LONDON).plusDays(30);
            council.waitFor(By.id("expiresOn-day")).sendKeys(String.valueOf(expires.getDayOfMonth()));
            council.find(By.id("expiresOn-month")).sendKeys(String.valueOf(expires.getMonthValue()));
            council.find(By.id("expiresOn-year")).sendKeys(String.valueOf(expires.getYear()));
            council.find(By.id("maxResponses")).sendKeys("5");
            council.screenshotAndCheckAccessibility("invitations", "invitations");
            council.find(By.id("create-invitation")).click();
            invitationUrl = council.waitFor(By.id("invitation-url")).getText().trim();
            assertTrue(invitationUrl.startsWith(PORTAL + "/survey/"), invitationUrl);
            council.screenshotAndCheckAccessibility("invitation-created", "invitation created");
        }

        try (Browser worker = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-social-worker")) {
            worker.open(invitationUrl);
            worker.waitFor(By.id("start-survey"));
            assertTrue(worker.text().contains("anonymous"), worker.text());
            worker.screenshotAndCheckAccessibility("survey-start", "survey start");
            worker.find(By.id("start-survey")).click();

            // the first page with the keyboard alone: Space chooses a radio, Enter sends the form
            worker.waitFor(By.cssSelector("label[for='q-profile-role']"));
            worker.checkAccessibility("survey: about you");
            worker.tabTo(worker.find(By.id("q-profile-role")));
            worker.press(Keys.SPACE);
            worker.tabTo(worker.find(By.id("q-profile-service")));
            worker.press(Keys.SPACE);
            worker.tabTo(worker.find(By.id("q-profile-asye_last_3_years")));
            worker.press(Keys.SPACE);
            worker.screenshot("survey-keyboard");
            worker.tabTo(worker.find(By.id("continue")));
            worker.press(Keys.ENTER);

            // each standard: "strongly agree" to every statement
            while (true) {
                worker.waitFor(By.cssSelector("h1"));
                if (worker.driver().findElements(By.id("send-answers")).size() > 0) {
                    break;
                }
                String heading = worker.find(By.cssSelector("h1")).getText();
                String page = worker.url().substring(worker.url().indexOf("/questions/"));
                List<WebElement> groups = worker.driver().findElements(By.cssSelector(".govuk-radios"));
                for (WebElement group : groups) {
                    group.findElement(By.cssSelector("label.govuk-radios__label")).click();
                }
                if (heading.contains("Standard 1")) {
                    worker.screenshotAndCheckAccessibility("survey-standard", "survey: a standard's statements");
                }
                worker.find(By.id("continue")).click();
                worker.waitUntilUrlLeaves(page);
            }
            assertTrue(worker.text().contains("Social worker"), "check your answers shows the answers");
            worker.screenshotAndCheckAccessibility("survey-check", "survey: check answers");
            worker.find(By.id("send-answers")).click();
            worker.waitFor(By.cssSelector(".govuk-panel--confirmation"));
            worker.screenshotAndCheckAccessibility("survey-sent", "survey: sent");
            assertTrue(worker.driver().manage().getCookieNamed("survey-answers") == null, "the answers' cookie is deleted on submit");
        }
        assertEquals(before + 1, responses(), "exactly one more response");
    }

    @Test
    @Order(3)
    void aRevokedLinkHasItsOwnPage(TestInfo test) {
        try (Browser council = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-council")) {
            council.open(PORTAL + "/rounds/" + SURVEY_ROUND + "/invitations");
            council.signInWithKeycloak("council1", "council1-password");
            council.waitFor(By.cssSelector("#invitations"));
            assertTrue(council.find(By.id("invitations")).getText().contains("1 of 5"), council.text());
            council.find(By.cssSelector("#invitations button.govuk-button--warning")).click();
            council.waitForText(By.id("invitations"), "revoked");
            council.screenshot("revoked");
        }
        try (Browser worker = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-social-worker")) {
            worker.open(invitationUrl);
            worker.waitFor(By.cssSelector("h1"));
            assertEquals("This survey link can no longer be used", worker.find(By.cssSelector("h1")).getText());
            worker.screenshotAndCheckAccessibility("revoked-link", "survey: revoked link");
            worker.open(PORTAL + "/survey/not-a-real-code-" + RUN);
            assertEquals("This survey link is not valid", worker.waitFor(By.cssSelector("h1")).getText());
            worker.screenshotAndCheckAccessibility("unknown-link", "survey: unknown link");
        }
        assertFalse(AxeSummary.text().isBlank());
    }

    @Test
    @Order(4)
    void theLgaTracksTheCollectionDownloadsItAndExtendsTheDeadlineAndAnRiaSeesItsRegion(TestInfo test) throws Exception {
        try (Browser lgaBrowser = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-lga")) {
            lgaBrowser.open(PORTAL + "/home");
            lgaBrowser.signInWithKeycloak("lga1", "lga1-password");
            lgaBrowser.waitFor(By.xpath("//h2[contains(., 'Every round')]"));
            lgaBrowser.screenshotAndCheckAccessibility("lga-home", "LGA home");
            lgaBrowser.find(By.linkText("Employer health check " + RUN)).click();
            lgaBrowser.waitFor(By.id("authorities"));
            assertTrue(Integer.parseInt(lgaBrowser.find(By.id("total-submitted")).getText()) >= 1, "Warwickshire's return counts");
            assertTrue(lgaBrowser.find(By.id("authorities")).getText().contains("Warwickshire"));
            lgaBrowser.screenshotAndCheckAccessibility("tracker", "tracker");

            lgaBrowser.find(By.linkText("Show only those not yet submitted")).click();
            lgaBrowser.waitFor(By.id("authorities"));
            assertFalse(lgaBrowser.find(By.id("authorities")).getText().contains("Warwickshire"), "submitted: not listed");
            assertTrue(lgaBrowser.find(By.id("authorities")).getText().contains("Not started"));
            lgaBrowser.screenshot("tracker-not-submitted");

            String csv = download(lgaBrowser, PORTAL + "/rounds/" + EMPLOYER_ROUND + "/tracker.csv");
            assertTrue(csv.lines().findFirst().orElseThrow().contains("authorityCode"), csv.substring(0, Math.min(200, csv.length())));
            assertTrue(csv.contains(WARWICKSHIRE + ","), "every authority is a line");

            lgaBrowser.open(PORTAL + "/rounds/" + EMPLOYER_ROUND + "/tracker");
            lgaBrowser.waitFor(By.id("closesOn-day")).sendKeys("31");
            lgaBrowser.find(By.id("closesOn-month")).sendKeys("2");
            lgaBrowser.find(By.id("closesOn-year")).sendKeys("2027");
            lgaBrowser.find(By.xpath("//button[contains(., 'Extend the round')]")).click();
            assertTrue(lgaBrowser.waitFor(By.cssSelector(".govuk-error-summary")).getText().contains("real date"));
            lgaBrowser.screenshotAndCheckAccessibility("extend-refused", "tracker with a date error");
            LocalDate later = LocalDate.now(RunningPlatform.LONDON).plusYears(1).plusDays(30);
            lgaBrowser.find(By.id("closesOn-day")).clear();
            lgaBrowser.find(By.id("closesOn-day")).sendKeys(String.valueOf(later.getDayOfMonth()));
            lgaBrowser.find(By.id("closesOn-month")).clear();
            lgaBrowser.find(By.id("closesOn-month")).sendKeys(String.valueOf(later.getMonthValue()));
            lgaBrowser.find(By.id("closesOn-year")).clear();
            lgaBrowser.find(By.id("closesOn-year")).sendKeys(String.valueOf(later.getYear()));
            lgaBrowser.find(By.xpath("//button[contains(., 'Extend the round')]")).click();
            lgaBrowser.waitFor(By.id("authorities"));
            assertTrue(lgaBrowser.text().contains(later.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))),
                    "the new deadline is shown");
            assertEquals(later.toString(), given().auth().oauth2(lga).get(SURVEY + "/api/v1/rounds/" + EMPLOYER_ROUND)
                    .then().extract().path("closesOn"));

            // Warwickshire's comparison for the round (issue 12's first page): the API's figures, each with its chart
            eventually(() -> given().auth().oauth2(lga).get(RunningPlatform.BENCHMARK + "/api/v1/benchmarks/" + EMPLOYER_ROUND
                    + "/authorities/" + WARWICKSHIRE), r -> r.statusCode() == 200 && r.asString().contains("\"value\":10.0"));
            lgaBrowser.open(PORTAL + "/councils/" + WARWICKSHIRE + "/rounds/" + EMPLOYER_ROUND);
            WebElement unfilled = lgaBrowser.waitFor(By.id("row-unfilled_post_rate"));
            assertTrue(unfilled.getText().contains("10.0%"), "12 of 120.5 FTE posts, at 1 dp as the API gives it: " + unfilled.getText());
            WebElement chart = lgaBrowser.find(By.cssSelector("#indicator-unfilled_post_rate ~ div svg[role='img']"));
            assertTrue(chart.getAttribute("aria-label").contains("10.0%"), chart.getAttribute("aria-label"));
            lgaBrowser.screenshotAndCheckAccessibility("comparison", "council comparison");
            String comparisonCsv = download(lgaBrowser, PORTAL + "/councils/" + WARWICKSHIRE + "/rounds/" + EMPLOYER_ROUND + ".csv");
            assertTrue(comparisonCsv.contains("unfilled_post_rate"), comparisonCsv.substring(0, Math.min(300, comparisonCsv.length())));

            // the round's national report, live: one return so far, so every table is withheld, with its reason
            lgaBrowser.open(PORTAL + "/reports/" + EMPLOYER_ROUND);
            assertTrue(lgaBrowser.waitFor(By.id("as-at")).getText().contains(", 1 return."), lgaBrowser.find(By.id("as-at")).getText());
            assertTrue(lgaBrowser.text().contains("[c]"), "one return: withheld by disclosure control");
            lgaBrowser.screenshotAndCheckAccessibility("employer-report-by-council-type", "employer national report");
            lgaBrowser.find(By.linkText("Show each question by region")).click();
            assertTrue(lgaBrowser.waitFor(By.cssSelector("caption")).getText().length() > 0);
            assertTrue(lgaBrowser.text().contains("by region"), "the same questions by region");
            lgaBrowser.checkAccessibility("employer national report by region");
        }
        try (Browser ria = Browser.start("PortalIT." + test.getTestMethod().orElseThrow().getName() + "-ria")) {
            ria.open(PORTAL + "/home");
            ria.signInWithKeycloak("ria1", "ria1-password");
            assertEquals("London", ria.waitFor(By.cssSelector("h1")).getText());
            ria.find(By.linkText("Employer health check " + RUN)).click();
            ria.waitFor(By.id("authorities"));
            assertTrue(ria.find(By.id("authorities")).getText().contains("Camden"), "London's boroughs");
            assertFalse(ria.find(By.id("authorities")).getText().contains("Warwickshire"), "not another region's");
            ria.screenshotAndCheckAccessibility("ria-tracker", "RIA tracker");
            // another region's return: the API refuses (403) and the page says so in words
            ria.open(PORTAL + "/rounds/" + EMPLOYER_ROUND + "/returns/" + WARWICKSHIRE);
            assertTrue(ria.waitFor(By.cssSelector("h1")).getText().startsWith("You do not have access to"), ria.text());
            ria.screenshotAndCheckAccessibility("forbidden", "no access");
        }
        System.out.println(AxeSummary.text());
    }

    /** A download as the signed-in browser would get it, with its session cookies. */
    static String download(Browser browser, String url) throws Exception {
        var response = browser.download(url);
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return body;
    }

    /** The practitioner responses the round has, as survey-service counts them. */
    static long responses() {
        return given().auth().oauth2(lga).get(SURVEY + "/api/v1/rounds/" + SURVEY_ROUND).then().statusCode(200)
                .extract().jsonPath().getLong("counts.responses");
    }
}
