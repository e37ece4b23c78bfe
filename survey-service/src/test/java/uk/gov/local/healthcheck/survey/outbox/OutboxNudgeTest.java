package uk.gov.local.healthcheck.survey.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.SubmissionsTopic;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events leave because their writer nudged the relay, not because it polled: here the poll never runs, yet a batch
 * of 1,200 responses (more than two relay batches of 500) is published in full, by one drain going round.
 */
@QuarkusTest
@TestProfile(OutboxNudgeTest.PollNever.class)
@WithKafkaAndPostgres
class OutboxNudgeTest {

    public static class PollNever implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("survey.outbox.poll-interval", "1h", "survey.outbox.start-delay", "1h");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void aBatchIsPublishedInFullWithoutThePoll() {
        given().contentType(ContentType.JSON).body("{\"id\":\"nudge-2024\",\"instrument\":\"practitioner-survey\",\"period\":\"2024\","
                + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
        String ndjson = IntStream.range(0, 1200).mapToObj(i -> "{\"responseId\":\"n-" + i + "\",\"authorityCode\":\"E10000031\","
                + "\"answers\":{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}}").collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rounds/nudge-2024/responses/batch").then().statusCode(200).body("accepted", equalTo(1200));
        try (SubmissionsTopic topic = new SubmissionsTopic(kafka)) {
            List<String> subjects = topic.readUntil(events -> events.size() >= 1200, "rounds/nudge-2024/").stream()
                    .map(r -> r.value().replaceAll(".*\"subject\":\"([^\"]+)\".*", "$1")).toList();
            assertEquals(1200, new HashSet<>(subjects).size(), "each response announced once");
        }
    }
}
