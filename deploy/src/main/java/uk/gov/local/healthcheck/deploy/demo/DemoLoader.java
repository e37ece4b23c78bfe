package uk.gov.local.healthcheck.deploy.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import uk.gov.local.healthcheck.deploy.CommandLineTool;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the DfE children's social work workforce statistics (2017–2025) into a running platform through the
 * PUBLIC survey API, as an LGA administrator would: one round per reporting year, then every local authority's
 * published figures as its submitted return.
 *
 * <p>A round takes submissions only between its dates (London time), and these years' rounds closed long ago. Each
 * round is created with its real dates (1 October to 31 March), extended to today so that it takes the returns,
 * loaded, and closed, as the LGA would take a late collection in. Run again, it leaves alone every round that is
 * closed and holds a submitted return from every authority of its year (nothing is reopened, no revision added);
 * a round that lacks some (a load that failed or was interrupted, a return withdrawn since) is extended, loaded
 * again (a return already there with the same answers stays as it is) and closed.
 *
 * <pre>
 * java -cp deploy/target/deploy.jar:deploy/target/platform/lib/* uk.gov.local.healthcheck.deploy.demo.DemoLoader \
 *     --csv reference-data/csww_indicators_2017_to_2025.csv \
 *     --survey-url http://127.0.0.1:8081 \
 *     --token-url http://127.0.0.1:8180/realms/healthcheck/protocol/openid-connect/token \
 *     [--client-id healthcheck-cli] [--username lga1] [--concurrency 8]   (--help lists the options)
 * </pre>
 * The password comes from {@code HEALTHCHECK_PASSWORD} (default {@code <username>-password}, demo only).
 * Exit status: 0 when every return was accepted, 1 when any was rejected or could not be sent, 2 on bad usage.
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final int ATTEMPTS = 5;
    /** Where the rounds' dates are meant: survey-service's {@code survey.rounds.zone}. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final HttpClient http;
    private final URI surveyUrl;
    private final TokenSource tokens;
    private final int concurrency;

    DemoLoader(URI surveyUrl, TokenSource tokens, int concurrency) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.surveyUrl = surveyUrl;
        this.tokens = tokens;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) {
        new Command().runAndExit(args);
    }

    /** The command line; {@code --help} lists it. */
    @CommandLine.Command(name = "DemoLoader",
            description = {"Loads the DfE workforce statistics into a running platform through the survey API.",
                    "The password comes from HEALTHCHECK_PASSWORD (default <username>-password, demo only)."},
            exitCodeList = {"0:every return was accepted", "1:any was rejected or could not be sent", "2:bad usage"})
    static final class Command extends CommandLineTool {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;
        @CommandLine.Option(names = "--csv", required = true, paramLabel = "FILE", description = "the statistics (reference-data/csww_indicators_2017_to_2025.csv)")
        Path csv;
        @CommandLine.Option(names = "--survey-url", required = true, paramLabel = "URL", description = "survey-service")
        URI surveyUrl;
        @CommandLine.Option(names = "--token-url", required = true, paramLabel = "URL", description = "Keycloak's token endpoint of the healthcheck realm")
        URI tokenUrl;
        @CommandLine.Option(names = "--client-id", defaultValue = "healthcheck-cli", paramLabel = "ID", description = "default ${DEFAULT-VALUE}")
        String clientId;
        @CommandLine.Option(names = "--username", defaultValue = "lga1", paramLabel = "NAME", description = "an LGA administrator; default ${DEFAULT-VALUE}")
        String username;
        @CommandLine.Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "returns sent at once; default ${DEFAULT-VALUE}")
        int concurrency;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (concurrency < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency is at least 1, not " + concurrency);
            }
            String password = System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", username + "-password");
            HttpClient tokenHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            TokenSource tokens = new TokenSource(tokenHttp, tokenUrl, clientId, username, password);
            return new DemoLoader(URI.create(stripSlash(surveyUrl.toString())), tokens, concurrency).load(csv);
        }
    }

    /**
     * Loads {@code csv} into the platform at {@code surveyUrl} as {@code username} (tests load a few years into their
     * own platform this way); returns the exit status {@link #main} would.
     */
    public static int load(Path csv, URI surveyUrl, URI tokenUrl, String username, String password, int concurrency)
            throws IOException, InterruptedException {
        HttpClient tokenHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new DemoLoader(surveyUrl, new TokenSource(tokenHttp, tokenUrl, "healthcheck-cli", username, password),
                concurrency).load(csv);
    }

    /** Runs the whole load; returns the exit status. */
    int load(Path csv) throws IOException, InterruptedException {
        Instant start = Instant.now();
        List<ReturnMapper.DemoReturn> returns = read(csv);
        // each round's returns, and the authorities that must have a submitted return in it for it to count as loaded
        TreeMap<Integer, List<ReturnMapper.DemoReturn>> byYear = new TreeMap<>();
        returns.forEach(r -> byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r));
        System.out.printf("demo: %d local authority returns for %s in %s%n", returns.size(), byYear.keySet(), csv);

        tokens.token(); // fail fast (and clearly) on a wrong password / Keycloak down

        LocalDate today = LocalDate.now(LONDON);
        Map<String, Integer> toLoad = new LinkedHashMap<>();   // round → how many authorities' returns
        int roundFailures = 0;
        int leftAlone = 0;
        for (Map.Entry<Integer, List<ReturnMapper.DemoReturn>> year : byYear.entrySet()) {
            String roundId = ReturnMapper.roundId(year.getKey());
            int authorities = (int) year.getValue().stream().map(ReturnMapper.DemoReturn::authority).distinct().count();
            RoundPlan plan = prepare(year.getKey(), authorities, today);
            System.out.printf("demo: %s: %s%n", roundId, plan.says());
            switch (plan.action()) {
                case LOAD -> toLoad.put(roundId, authorities);
                case LEAVE_ALONE -> leftAlone++;
                case FAILED -> roundFailures++;
            }
        }
        System.out.printf("demo: rounds to load %d, left alone %d, failed %d%n", toLoad.size(), leftAlone, roundFailures);
        List<ReturnMapper.DemoReturn> loading = returns.stream().filter(r -> toLoad.containsKey(r.roundId())).toList();

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ReturnMapper.DemoReturn r : loading) {
                futures.add(pool.submit(() -> {
                    String path = "/api/v1/rounds/" + r.roundId() + "/returns/" + r.authority();
                    Outcome o = send("PUT", path, r.body());
                    if (o.status >= 200 && o.status < 300) {
                        accepted.incrementAndGet();
                    } else if (o.status > 0 && o.status < 500) {
                        rejected.incrementAndGet();
                        System.err.printf("demo: REJECTED %s %s (%s): %s%n", r.roundId(), r.authority(), r.name(), o.describe());
                    } else {
                        failed.incrementAndGet();
                        System.err.printf("demo: FAILED %s %s (%s): %s%n", r.roundId(), r.authority(), r.name(), o.describe());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                    System.err.println("demo: " + e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        // closed whatever came of the load: a round that lacks returns is completed by the next run
        for (String roundId : toLoad.keySet()) {
            Outcome closed = send("POST", "/api/v1/rounds/" + roundId + "/close", null);
            if (closed.status() == 200) {
                System.out.printf("demo: %s: closed%n", roundId);
            } else {
                roundFailures++;
                System.err.printf("demo: %s NOT closed: %s%n", roundId, closed.describe());
            }
        }
        System.out.printf("demo: returns accepted %d, rejected %d, failed %d (of %d to load, %d in the file) in %.1f s%n",
                accepted.get(), rejected.get(), failed.get(), loading.size(), returns.size(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return rejected.get() == 0 && failed.get() == 0 && roundFailures == 0 ? 0 : 1;
    }

    enum Action { LOAD, LEAVE_ALONE, FAILED }

    record RoundPlan(Action action, String says) {
    }

    /**
     * Creates the year's round with its real dates if it is not there, then decides: a closed round with a submitted
     * return from each of its {@code authorities} is left alone; any other is made to take submissions today
     * (extended to today unless it already does) and loaded.
     */
    private RoundPlan prepare(int year, int authorities, LocalDate today) {
        String roundId = ReturnMapper.roundId(year);
        Outcome created = send("POST", "/api/v1/rounds", ReturnMapper.round(year));
        if (created.status() != 201 && created.status() != 409) {
            return new RoundPlan(Action.FAILED, "NOT created: " + created.describe());
        }
        Outcome got = send("GET", "/api/v1/rounds/" + roundId, null);
        JsonNode round;
        try {
            round = got.status() == 200 ? JSON.readTree(got.body()) : null;
        } catch (IOException e) {
            round = null;
        }
        if (round == null) {
            return new RoundPlan(Action.FAILED, "could not be read: " + got.describe());
        }
        String was = created.status() == 201 ? "created (" + round.path("opensOn").asText() + " to " + round.path("closesOn").asText() + ")"
                : "already there";
        long submitted = round.path("counts").path("submitted").asLong();
        if ("closed".equals(round.path("status").asText()) && submitted >= authorities) {
            return new RoundPlan(Action.LEAVE_ALONE, was + ", closed, with a submitted return from each of its " + authorities
                    + " authorities: left alone");
        }
        // (a survey-service older than round dates says only its status: open means it takes submissions)
        if (round.path("acceptingSubmissions").asBoolean("open".equals(round.path("status").asText()))) {
            return new RoundPlan(Action.LOAD, was + ", taking submissions until " + round.path("closesOn").asText() + ": loading "
                    + authorities + " returns (" + submitted + " submitted already)");
        }
        ObjectNode extension = JSON.createObjectNode().put("closesOn", today.toString());
        Outcome extended = send("POST", "/api/v1/rounds/" + roundId + "/extend", extension);
        if (extended.status() != 200) {
            return new RoundPlan(Action.FAILED, was + ", NOT extended to " + today + ": " + extended.describe());
        }
        return new RoundPlan(Action.LOAD, was + ", extended to " + today + " (London): loading " + authorities + " returns ("
                + submitted + " submitted already)");
    }

    static List<ReturnMapper.DemoReturn> read(Path csv) throws IOException {
        List<ReturnMapper.DemoReturn> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord record : parser) {
                Map<String, String> row = record.toMap();
                if (ReturnMapper.isLocalAuthorityRow(row)) {
                    try {
                        out.add(ReturnMapper.map(row));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(csv + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sends with the bearer token (a JSON body, or none when {@code body} is null); retries connection errors and
     * 5xx with backoff, renews the token on 401.
     */
    private Outcome send(String method, String path, ObjectNode body) {
        String json;
        try {
            json = body == null ? null : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Outcome last = null;
        boolean renewed = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(surveyUrl.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + tokens.token())
                        .header("Accept", "application/json, application/problem+json");
                if (json == null) {
                    builder.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
                }
                HttpRequest request = builder.build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = new Outcome(response.statusCode(), response.body());
                if (response.statusCode() == 401 && !renewed) {
                    tokens.invalidate();
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (response.statusCode() < 500) {
                    return last;
                }
            } catch (IOException e) {
                last = new Outcome(0, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(0, "interrupted");
            }
            if (attempt < ATTEMPTS) {
                sleep(250L << attempt); // 0.5 s, 1 s, 2 s, 4 s
            }
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Outcome(int status, String body) {
        String describe() {
            String b = body == null ? "" : body.strip();
            if (b.length() > 2000) {
                b = b.substring(0, 2000) + "…";
            }
            return (status == 0 ? "no response" : "HTTP " + status) + (b.isEmpty() ? "" : " " + b);
        }
    }

    /** Access tokens from Keycloak's password grant, renewed 30 s before they expire (or on 401). */
    static final class TokenSource {
        private final HttpClient http;
        private final URI tokenUrl;
        private final String form;
        private String token;
        private Instant renewAt = Instant.MIN;

        TokenSource(HttpClient http, URI tokenUrl, String clientId, String username, String password) {
            this.http = http;
            this.tokenUrl = tokenUrl;
            this.form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                    + "&password=" + enc(password) + "&scope=openid";
        }

        synchronized String token() throws IOException, InterruptedException {
            if (token != null && Instant.now().isBefore(renewAt)) {
                return token;
            }
            HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("Keycloak refused the token request (" + tokenUrl + "): HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            token = json.path("access_token").asText(null);
            if (token == null) {
                throw new IOException("no access_token in Keycloak's answer");
            }
            long expiresIn = json.path("expires_in").asLong(60);
            renewAt = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
            return token;
        }

        synchronized void invalidate() {
            token = null;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
