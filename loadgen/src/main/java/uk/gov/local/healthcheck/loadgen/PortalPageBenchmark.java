package uk.gov.local.healthcheck.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Signs in to the portal and GETs its pages at a fixed rate, round-robin, open-loop (latency from each request's due
 * time, after an unrecorded warm-up), then times its PDFs one after another. A page is drawn from the APIs' answers,
 * so this measures the portal and the services behind it together. Usage: docs/load-testing.md.
 */
public final class PortalPageBenchmark implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MILLIS = 60_000;
    private static final int PDF_WARMUPS = 2;

    private final PortalOptions options;
    private final PortalCookies cookies;
    /** As LoadGenerator's: Netty on one event loop, so the client takes little of the cores the platform runs on. */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final Context eventLoop = vertx.getOrCreateContext();
    private final io.vertx.core.http.HttpClient http;
    private Map<String, LatencyRecorder> byPage;
    private LatencyRecorder all;

    PortalPageBenchmark(PortalOptions options, PortalCookies cookies) {
        this.options = options;
        this.cookies = cookies;
        // the session's cookies, renewed in Set-Cookie headers, can be longer than Vert.x's default 8 KiB of headers
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000).setMaxHeaderSize(64 * 1024),
                new PoolOptions().setHttp1MaxSize(options.pacing().maxInFlight()));
    }

    /** Exit status 0 when every answer was right, 1 when any was not, 2 on bad usage or a failed sign-in. */
    public static void main(String[] args) {
        System.exit(Cli.of(new PortalOptions()).execute(args));
    }

    /** Signs in, then measures the pages and the PDFs; returns the exit status. */
    static int run(PortalOptions options) throws Exception {
        PortalCookies cookies;
        try {
            cookies = PortalSignIn.signIn(options.portal(), options.signIn().user(), options.signIn().password());
        } catch (IllegalStateException | IOException e) {
            System.err.println("sign-in to " + options.portal() + " failed: " + (e instanceof IOException ? e.toString() : e.getMessage()));
            return 2;
        }
        System.out.printf("signed in to %s as %s%n", options.portal(), options.signIn().user());
        int errors;
        try (PortalPageBenchmark benchmark = new PortalPageBenchmark(options, cookies)) {
            errors = benchmark.pages() + benchmark.pdfs();
        }
        return errors == 0 ? 0 : 1;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A GET's answer: its status, where it redirects (or null), and its body. */
    record Answer(int status, String location, Buffer body) {

        /** The status, or for a redirect to Keycloak's sign-in, which means the portal no longer knows the session, {@code 302 to sign-in}. */
        String outcome() {
            boolean toSignIn = status / 100 == 3 && location != null && location.contains("/protocol/openid-connect/auth");
            return status + (toSignIn ? " to sign-in" : "");
        }
    }

    private CompletableFuture<Answer> get(String path) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(options.portal() + path)
                .setTimeout(REQUEST_TIMEOUT_MILLIS).putHeader("Accept", "text/html,application/pdf").putHeader("Cookie", cookies.header());
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // Chained on the event loop: chained from this thread, a step could run here after the response had arrived,
        // and its body, delivered before body() was asked for, be lost (a 200 with an empty body, seen once in 15 runs).
        eventLoop.runOnContext(v -> http.request(request)
                .compose(r -> r.send())
                .compose(r -> {
                    cookies.update(r.cookies());
                    return r.body().map(body -> new Answer(r.statusCode(), r.getHeader("Location"), body));
                })
                .onComplete(a -> {
                    if (a.succeeded()) {
                        answer.complete(a.result());
                    } else {
                        answer.completeExceptionally(a.cause());
                    }
                }));
        return answer;
    }

    /** Drives the pages (warm-up, then measured) and reports them; returns the number of errors. */
    int pages() throws InterruptedException {
        if (options.pages().isEmpty() || options.pacing().rate() <= 0) {
            return 0;
        }
        if (!options.pacing().warmup().isZero()) {
            drive(options.pacing().warmup());   // unrecorded: lets the portal's and the services' JIT compile their hot paths
        }
        double elapsed = drive(options.pacing().duration());
        int errors = all.count() - all.outcomes().getOrDefault("200", 0);
        System.out.printf("portal pages: rate=%.0f/s seconds=%d requests=%d errors=%d elapsed=%.1fs%n",
                options.pacing().rate(), options.pacing().duration().toSeconds(), all.count(), errors, elapsed);
        int width = options.pages().stream().mapToInt(String::length).max().orElse(0);
        byPage.forEach((page, r) -> System.out.printf("  %-" + width + "s  n=%d %s %s ms%n", page, r.count(), r.outcomes(), r.percentiles()));
        System.out.printf("  %-" + width + "s  n=%d %s %s ms%n", "all", all.count(), all.outcomes(), all.percentiles());
        int lost = all.outcomes().entrySet().stream().filter(e -> e.getKey().endsWith("to sign-in")).mapToInt(Map.Entry::getValue).sum();
        if (lost > 0) {
            System.out.printf("  %d requests were redirected to Keycloak's sign-in: the portal lost the session%n", lost);
        }
        return errors;
    }

    private double drive(Duration duration) throws InterruptedException {
        byPage = new LinkedHashMap<>();
        options.pages().forEach(page -> byPage.put(page, new LatencyRecorder()));
        all = new LatencyRecorder();
        List<String> pages = options.pages();
        return OpenLoop.drive(options.pacing().rate(), duration, options.pacing().maxInFlight(), (i, due) -> {
            String page = pages.get((int) (i % pages.size()));
            return get(page).handle((answer, failure) -> {
                long micros = (System.nanoTime() - due) / 1000;
                String outcome = failure == null ? answer.outcome() : cause(failure).getClass().getSimpleName();
                byPage.get(page).record(micros, outcome);
                all.record(micros, outcome);
                return null;
            });
        });
    }

    /** Times each PDF, one request at a time, after unrecorded warm-ups, and reports it; returns the number of PDFs that failed. */
    int pdfs() {
        int errors = 0;
        for (String pdf : options.pdfs()) {
            if (options.pdfRuns() <= 0) {
                break;
            }
            LatencyRecorder times = new LatencyRecorder();
            int bytes = 0;
            String problem = null;
            for (int run = -PDF_WARMUPS; run < options.pdfRuns() && problem == null; run++) {
                long start = System.nanoTime();
                try {
                    Answer answer = get(pdf).join();
                    long micros = (System.nanoTime() - start) / 1000;
                    problem = pdfProblem(answer);
                    bytes = answer.body().length();
                    if (run >= 0) {
                        times.record(micros, answer.outcome());
                    }
                } catch (CompletionException e) {
                    problem = cause(e).toString();
                }
            }
            if (problem != null) {
                errors++;
                System.out.printf("pdf %s FAILED: %s%n", pdf, problem);
            } else {
                System.out.printf("pdf %s runs=%d min=%.1f median=%.1f max=%.1f ms bytes=%d%n", pdf, times.count(),
                        times.minMillis(), times.percentileMillis(50), times.maxMillis(), bytes);
            }
        }
        return errors;
    }

    /** Why an answer is not a PDF, or null if it is one. */
    static String pdfProblem(Answer answer) {
        if (answer.status() != 200) {
            return "answered " + answer.outcome() + (answer.outcome().endsWith("to sign-in") ? ": the portal lost the session" : "");
        }
        return answer.body().length() >= 5 && answer.body().getString(0, 5).equals("%PDF-") ? null : "the body does not start with %PDF-";
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
