package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static uk.gov.local.healthcheck.deploy.RunningPlatform.JSON;

/**
 * A submission to survey-service that got no 2xx, sent again as its client would until survey takes it, and what survey
 * says it had of it before: the check FaultIT and ReplicasIT make after their loads, that survey stored all or none of a
 * request it did not answer with a 2xx. 503, 429, any other 5xx and a failed connection are tried again for up to 90 s,
 * 500 ms apart; any other answer ends it.
 */
final class Resubmission {

    /** A response survey did not have: stored only now. */
    static final String ABSENT = "absent";
    /** A response survey had stored already (the first answer was lost, or was not a 2xx). */
    static final String STORED_ALREADY = "stored already";
    /** A return taken (a return is idempotent: the same body again is the same revision or the next one). */
    static final String RETURN_STORED = "return stored";

    /** What was sent: one practitioner response, an NDJSON batch of them, or a workforce return. */
    enum Kind { RESPONSE, BATCH, RETURN }

    /** One sending of the request. */
    interface Attempt {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /**
     * {@code taken}: survey took the request again, and {@code had} counts its responses by what survey had of them
     * ({@link #ABSENT}, {@link #STORED_ALREADY}, {@link #RETURN_STORED}, or a batch line's own status, e.g. rejected);
     * otherwise survey never took it, and {@code lastAnswer} is what it said last.
     */
    record Outcome(boolean taken, Map<String, Integer> had, String lastAnswer) {
    }

    private Resubmission() {
    }

    static Outcome sendAgain(Kind kind, Attempt attempt) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = attempt.send();
                last = r.statusCode() + " " + (r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body());
                Map<String, Integer> had = whatSurveyHad(kind, r);
                if (had != null) {
                    return new Outcome(true, had, last);
                }
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    break;
                }
            } catch (IOException e) {
                last = classify(e);
            }
            Thread.sleep(500);
        }
        return new Outcome(false, Map.of(), last);
    }

    /** The responses by what survey had of them, when this answer is survey taking the request; null otherwise. */
    private static Map<String, Integer> whatSurveyHad(Kind kind, HttpResponse<String> r) {
        Map<String, Integer> had = new TreeMap<>();
        switch (kind) {
            case RETURN -> {
                if (r.statusCode() != 200) {
                    return null;
                }
                had.put(RETURN_STORED, 1);
            }
            case RESPONSE -> {
                if (r.statusCode() != 201 && r.statusCode() != 200) {
                    return null;
                }
                had.put(r.statusCode() == 201 ? ABSENT : STORED_ALREADY, 1);
            }
            case BATCH -> {
                if (r.statusCode() != 200) {
                    return null;
                }
                for (JsonNode line : batchResults(r.body())) {
                    String status = line.path("status").asText();
                    had.merge("accepted".equals(status) ? ABSENT : "duplicate".equals(status) ? STORED_ALREADY : status, 1, Integer::sum);
                }
            }
        }
        return had;
    }

    /** The lines' results of survey's answer to a batch (a 200 that is not JSON fails the test: survey never sends one). */
    private static JsonNode batchResults(String body) {
        try {
            return JSON.readTree(body).path("results");
        } catch (IOException e) {
            throw new AssertionError("survey answered a batch with 200 and no JSON: " + body, e);
        }
    }

    /** A request that got no answer, as its client saw it: refused, timeout, or cut off (with the exception's name). */
    static String classify(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c.getCause() instanceof ConnectException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ConnectException) {
            return "refused";
        }
        if (c instanceof HttpTimeoutException) {
            return "timeout";
        }
        return "cut off (" + c.getClass().getSimpleName() + ")";
    }
}
