package uk.gov.local.healthcheck.portal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Calls the platform's APIs with a bearer token: the signed-in person's own ({@link PersonToken}) so every access
 * rule stays where the API enforces it, or the portal's relay token for invited responses ({@link RelayToken}).
 * Pages run on worker threads, so a blocking call is the plain way to wait for an answer.
 */
@ApplicationScoped
public class ApiClient {

    private static final Logger LOG = Logger.getLogger(ApiClient.class);

    private final ApiEndpoints endpoints;
    private final ObjectMapper json;
    private final HttpClient http;

    public ApiClient(ApiEndpoints endpoints, ObjectMapper json) {
        this.endpoints = endpoints;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(endpoints.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    public ApiEndpoints endpoints() {
        return endpoints;
    }

    public ApiResult get(String url, String token, String accept, String what) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept), token, what);
    }

    public ApiResult get(String url, String token, String what) {
        return get(url, token, "application/json", what);
    }

    /**
     * Several GETs at once (a report reads one answer per indicator): sent together, answered in the order asked.
     */
    public List<ApiResult> getAll(List<String> urls, String token, String what) {
        List<HttpRequest> requests = urls.stream()
                .map(url -> prepare(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json"), token))
                .toList();
        List<CompletableFuture<HttpResponse<byte[]>>> pending = requests.stream()
                .map(r -> http.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())).toList();
        List<ApiResult> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                answers.add(answer(pending.get(i).get()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(what);
            } catch (ExecutionException | IOException e) {
                throw unanswered(requests.get(i), what, e.getCause() == null ? e : e.getCause());
            }
        }
        return answers;
    }

    /** A JSON body (or none when {@code body} is null) sent with {@code method}. */
    public ApiResult send(String method, String url, String token, Object body, String what) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serialisable: " + body, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, publisher)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, token, what);
    }

    private ApiResult send(HttpRequest.Builder request, String token, String what) {
        HttpRequest built = prepare(request, token);
        try {
            return answer(http.send(built, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(what);
        } catch (IOException e) {
            throw unanswered(built, what, e);
        }
    }

    private HttpRequest prepare(HttpRequest.Builder request, String token) {
        request.timeout(endpoints.timeout());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private ApiResult answer(HttpResponse<byte[]> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = null;
        if (type.contains("json") && response.body().length > 0) {
            body = json.readTree(response.body());
        }
        return new ApiResult(response.statusCode(), body, response.body(), type);
    }

    private static ApiProblem interrupted(String what) {
        return ApiProblem.unavailable(what, "The page was interrupted while waiting for the platform");
    }

    private static ApiProblem unanswered(HttpRequest request, String what, Throwable e) {
        // the URL names the service; the person only needs to know to try again
        LOG.warnf("%s %s did not answer: %s", request.method(), request.uri(), e.toString());
        return ApiProblem.unavailable(what, "The platform did not answer in time");
    }
}
