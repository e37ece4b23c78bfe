package uk.gov.local.healthcheck.portal.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The pages anyone may see, and the headers every page carries. (Signed-in pages and the survey are tested in a real
 * browser against the whole platform: deploy's PortalIT.)
 */
@QuarkusTest
class PublicPagesTest {

    @Test
    void theStartPageIsAGovukPageWithItsHeaders() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("govuk-header"), containsString("Sign in"), containsString("/assets/portal.css"),
                        not(containsString("<script>")), not(containsString("style=")));
    }

    @Test
    void govukFrontendIsServedWithoutTheTypefaceReservedForGovuk() {
        given().get("/assets/portal.css").then().statusCode(200)
                .body(containsString(".govuk-button"), not(containsString("GDS Transport")), not(containsString("@font-face")));
        given().get("/assets/govuk-frontend.min.js").then().statusCode(200).body(containsString("initAll"));
        given().get("/assets/images/favicon.ico").then().statusCode(200);
        given().get("/assets/images/..%2F..%2Fgovuk-frontend.min.js").then().statusCode(404);
    }

    @Test
    void anUnknownPageIsAPageNotAStackTrace() {
        given().get("/assets/images/no-such-image.png").then().statusCode(404).body(not(containsString("Exception")));
        given().get("/assets/portal.css").then().header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }
}
