package uk.gov.local.healthcheck.survey.responses;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.survey.responses.ResponseIntakeTest.ANSWERS;
import static uk.gov.local.healthcheck.survey.responses.ResponseIntakeTest.bytes;
import static uk.gov.local.healthcheck.survey.responses.ResponseIntakeTest.response;

/** How a batch is stored: set-based, with ids in line order that never collide with Hibernate's, and safe under races. */
@QuarkusTest
@WithKafkaAndPostgres
@TestSecurity(user = "lga1", roles = "lga-admin")
class ResponseBatchStorageTest {

    static final String OTHER_ANSWERS = ANSWERS.replace("agree", "disagree");
    /** A submitted workforce return; each distinct leavers figure is a new revision, announced by a Hibernate-made event. */
    static final String WORKFORCE_RETURN = """
            {"status":"submitted","answers":{"staff.headcount":180,"staff.fte":170.5,"staff.agency_headcount":20,
             "staff.agency_fte":18.5,"staff.vacancies_fte":25,"flows.leavers_fte":%d,"flows.absence_days":{"missing":"x"}}}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void idsComeInBlocksOfFiftyFromEachNextval() {
        long[] ids = IdBlocks.ids(new long[]{151, 1, 51}, 120);
        assertEquals(1, ids[0]);
        assertEquals(50, ids[49]);
        assertEquals(51, ids[50]);
        assertEquals(151, ids[100]);
        assertEquals(170, ids[119]);
    }

    @Test
    void aBatchIsStoredInLineOrderAndItsIdsNeverMeetHibernates() throws Exception {
        createRound("order-2024");
        RoundRows.insert("ids-workforce-2024", "workforce-return", "open");
        String path = "/api/v1/rounds/order-2024/responses";
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            // Single responses and batches take blocks of the sequence Hibernate's generator uses for returns' events.
            for (int i = 0; i < 20; i++) {
                String id = "single-" + round + "-" + i;
                given().contentType(ContentType.JSON).body(response(id, "E10000031", ANSWERS)).post(path).then().statusCode(201);
                expected.add(id);
                given().contentType(ContentType.JSON).body(WORKFORCE_RETURN.formatted(round * 20 + i))
                        .put("/api/v1/rounds/ids-workforce-2024/returns/E10000031").then().statusCode(200);
            }
            int r = round;
            List<String> lines = IntStream.range(0, 120).mapToObj(i -> "batch-" + r + "-" + (119 - i)).toList();
            postBatch("order-2024", batchOf(lines)).statusCode(200).body("accepted", equalTo(120));
            expected.addAll(lines);
        }
        // What matters is that every id is distinct and each batch is in line order.
        List<String> batchLines = expected.stream().filter(id -> id.startsWith("batch-")).toList();
        List<String> stored = column("select response_id from practitioner_response where round_id = 'order-2024' order by id");
        assertEquals(new HashSet<>(expected), new HashSet<>(stored));
        assertEquals(expected.size(), stored.size());
        assertEquals(batchLines, stored.stream().filter(id -> id.startsWith("batch-")).toList(), "responses stored in line order");
        List<String> subjects = column("select subject from outbox_event where subject like 'rounds/order-2024/responses/%' order by id");
        assertEquals(expected.size(), subjects.size());
        assertEquals(batchLines.stream().map(id -> "rounds/order-2024/responses/" + id).toList(),
                subjects.stream().filter(s -> s.contains("/batch-")).toList(), "events published in line order");
        List<String> payloadIds = column("select payload::json->'data'->>'responseId' from outbox_event "
                + "where subject like 'rounds/order-2024/responses/%' order by id");
        assertEquals(subjects.stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).toList(), payloadIds,
                "each event announces its own response");
        assertEquals(expected.size(), new HashSet<>(column("select event_id::text from outbox_event "
                + "where subject like 'rounds/order-2024/responses/%'")).size());
        assertEquals(60, column("select id from outbox_event where subject like 'rounds/ids-workforce-2024/%'").size(),
                "every return's event stored beside the responses' (their ids never collided)");
    }

    @Test
    void theSameResponseIdTwiceInABatchIsStoredOnce() throws Exception {
        createRound("twice-2024");
        String ndjson = String.join("\n",
                response("t-1", "E10000031", ANSWERS),
                response("t-1", "E10000031", ANSWERS),
                response("t-1", "E10000031", OTHER_ANSWERS),
                response("t-2", "E10000031", ANSWERS));
        assertNewDuplicateConflictNew(postBatch("twice-2024", ndjson));
        assertEquals(List.of("t-1", "t-2"), column("select response_id from practitioner_response where round_id = 'twice-2024' order by id"));
        assertEquals(List.of("rounds/twice-2024/responses/t-1", "rounds/twice-2024/responses/t-2"),
                column("select subject from outbox_event where subject like 'rounds/twice-2024/%' order by id"));
        postBatch("twice-2024", ndjson).statusCode(200)
                .body("results.status", contains("duplicate", "duplicate", "rejected", "duplicate"));
        assertEquals(2, column("select id from outbox_event where subject like 'rounds/twice-2024/%'").size(), "no new event");
    }

    /**
     * Another request stores the same responseIds while the batch is inserting: those lines are not stored twice and
     * get no second event, but are answered like any responseId stored before.
     */
    @Test
    void aResponseIdStoredConcurrentlyIsNeitherLostNorStoredTwice() throws Exception {
        createRound("race-2024");
        String ndjson = batchOf(List.of("race-1", "race-same", "race-other", "race-2"));
        String sameHash = hashOf("race-same", ANSWERS);
        String otherHash = hashOf("race-other", OTHER_ANSWERS);
        CompletableFuture<ValidatableResponse> batch;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insertRaw(c, "race-same", ANSWERS, sameHash);
            insertRaw(c, "race-other", OTHER_ANSWERS, otherHash);
            // The batch cannot see these uncommitted rows, so it tries to insert them and waits on their unique key.
            batch = CompletableFuture.supplyAsync(() -> postBatch("race-2024", ndjson));
            Thread.sleep(1500);
            assertTrue(!batch.isDone(), "the batch waits for the concurrent insert");
            c.commit();
        }
        assertNewDuplicateConflictNew(batch.get());
        assertEquals(List.of("race-1", "race-2", "race-other", "race-same"),
                column("select response_id from practitioner_response where round_id = 'race-2024' order by response_id"));
        assertEquals(List.of("rounds/race-2024/responses/race-1", "rounds/race-2024/responses/race-2"),
                column("select subject from outbox_event where subject like 'rounds/race-2024/%' order by id"));
    }

    /**
     * Single responses sent at once are stored in shared transactions, yet each request is answered on its own:
     * one 201 per responseId, 200 for the same answers again, 409 for other answers, and one event per response.
     */
    @Test
    void singleResponsesSentTogetherAreEachAnsweredAsTheirOwn() throws Exception {
        createRound("together-2024");
        String path = "/api/v1/rounds/together-2024/responses";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(response("tg-" + i, "E10000031", ANSWERS));
        }
        for (int i = 0; i < 10; i++) {
            bodies.add(response("tg-" + i, "E10000031", ANSWERS));          // the same again
            bodies.add(response("tg-" + (10 + i), "E10000031", OTHER_ANSWERS));   // the same id with other answers
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<CompletableFuture<Integer>> sent = bodies.stream().map(body -> CompletableFuture.supplyAsync(() ->
                    given().contentType(ContentType.JSON).body(body).post(path).then().extract().statusCode(), senders)).toList();
            List<Integer> statuses = sent.stream().map(CompletableFuture::join).toList();
            assertEquals(40, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(10, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(10, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            senders.shutdown();
        }
        assertEquals(40, column("select response_id from practitioner_response where round_id = 'together-2024'").size());
        // A group's responses share one transaction and its time of receipt: 30 senders at once cannot all go alone.
        int transactions = column("select distinct received_at from practitioner_response where round_id = 'together-2024'").size();
        assertTrue(transactions < 40, "stored in " + transactions + " transactions");
        assertEquals(40, new HashSet<>(column("select subject from outbox_event where subject like 'rounds/together-2024/%'")).size());
        assertEquals(40, column("select subject from outbox_event where subject like 'rounds/together-2024/%'").size());
        given().contentType(ContentType.JSON).body(response("tg-3", "E10000031", ANSWERS)).post(path)
                .then().statusCode(200).body("responseId", equalTo("tg-3")).body("answers.'std1.clear_framework'", equalTo("agree"));
    }

    /**
     * Another instance closes the round while this one still has it as open among its recent rounds: nothing more
     * is stored, because the writers check the status again in the transaction.
     */
    @Test
    void aRoundClosedElsewhereStoresNothingMoreThoughThisInstanceReadItOpen() throws Exception {
        createRound("elsewhere-2024");
        String path = "/api/v1/rounds/elsewhere-2024/responses";
        given().contentType(ContentType.JSON).body(response("e-1", "E10000031", ANSWERS)).post(path).then().statusCode(201);
        try (Connection c = dataSource.getConnection();
             PreparedStatement close = c.prepareStatement("update round set status = 'closed' where id = 'elsewhere-2024'")) {
            close.executeUpdate();
        }
        given().contentType(ContentType.JSON).body(response("e-2", "E10000031", ANSWERS)).post(path)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("round-closed"));
        postBatch("elsewhere-2024", response("e-3", "E10000031", ANSWERS))
                .statusCode(409).body("type", org.hamcrest.Matchers.containsString("round-closed"));
        assertEquals(List.of("e-1"), column("select response_id from practitioner_response where round_id = 'elsewhere-2024'"));
    }

    private static ValidatableResponse postBatch(String round, String ndjson) {
        return given().contentType("application/x-ndjson").body(bytes(ndjson))
                .post("/api/v1/rounds/" + round + "/responses/batch").then();
    }

    /** A batch of these responseIds in this order, one line each, all Warwickshire's with the same answers. */
    private static String batchOf(List<String> responseIds) {
        return String.join("\n", responseIds.stream().map(id -> response(id, "E10000031", ANSWERS)).toList());
    }

    /**
     * The answer to a batch of a new responseId, one stored before with the same answers, one stored before with
     * other answers and another new one, however the two were stored before.
     */
    private static void assertNewDuplicateConflictNew(ValidatableResponse batch) {
        batch.statusCode(200)
                .body("results.status", contains("accepted", "duplicate", "rejected", "accepted"))
                .body("results[2].errors[0].code", equalTo("conflict"));
    }

    /** The hash the service computes for a line of this test's shape. */
    private String hashOf(String responseId, String answers) throws Exception {
        // Store the line in a throw-away round and read back the hash the service gave it.
        String round = "hash-" + responseId;
        createRound(round);
        given().contentType(ContentType.JSON).body(response(responseId, "E10000031", answers))
                .post("/api/v1/rounds/" + round + "/responses").then().statusCode(201);
        return column("select content_hash from practitioner_response where round_id = '" + round + "'").get(0);
    }

    private static void insertRaw(Connection c, String responseId, String answers, String hash) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into practitioner_response (id, round_id, response_id, authority_code, "
                + "answers, content_hash, received_at) values (nextval('practitioner_response_seq'), 'race-2024', ?, 'E10000031', ?, ?, now())")) {
            s.setString(1, responseId);
            s.setString(2, answers);
            s.setString(3, hash);
            s.executeUpdate();
        }
    }

    private List<String> column(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static void createRound(String id) {
        given().contentType(ContentType.JSON).body("{\"id\":\"" + id + "\",\"instrument\":\"practitioner-survey\",\"period\":\"2024\","
                + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
    }
}
