package uk.gov.local.healthcheck.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's README must name and does not (issue "One house"): the paths of its API in the Endpoints section,
 * the environment variables of its application.properties in the Configuration section. One checker for every
 * module's {@code ReadmeTruthTest}, so the README layout and the rule for "named" are the same everywhere; each test
 * asserts that the sets it answers are empty. Paths are relative to the module (Maven runs tests there).
 */
public final class ReadmeTruth {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final String readme;

    private ReadmeTruth(String readme) {
        this.readme = readme;
    }

    /** The module's README.md. */
    public static ReadmeTruth ofModule() throws IOException {
        return new ReadmeTruth(Files.readString(Path.of("README.md")));
    }

    /**
     * The OpenAPI paths the Endpoints section does not name, each with its parameters as {@code {name}} (a
     * parameter's regular expression, {@code {id: [a-z]+}}, is not written in the README).
     */
    public SortedSet<String> openApiPathsMissing(Collection<String> openApiPaths) {
        return routesMissing(openApiPaths.stream().map(p -> p.replaceAll("\\{([A-Za-z0-9_]+)[^}]*}", "{$1}")).toList());
    }

    /** The routes, as given, that the Endpoints section does not name (a longer route does not name a shorter one). */
    public SortedSet<String> routesMissing(Collection<String> routes) {
        String section = section("Endpoints");
        var missing = new TreeSet<String>();
        for (String route : routes) {
            if (!Pattern.compile(Pattern.quote(route) + "(?![\\w/{-]|\\.\\w)").matcher(section).find()) {
                missing.add(route);
            }
        }
        return missing;
    }

    /** The environment variables of the module's application.properties that the Configuration section does not name. */
    public SortedSet<String> environmentVariablesMissing() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String section = section("Configuration");
        var missing = new TreeSet<String>();
        Matcher variable = VARIABLE.matcher(properties);
        while (variable.find()) {
            if (!Pattern.compile("\\b" + variable.group(1) + "\\b").matcher(section).find()) {
                missing.add(variable.group(1));
            }
        }
        return missing;
    }

    /** Fails unless the OpenAPI document has paths and the Endpoints section names every one ({@code paths}: its "paths" object). */
    public void requireOpenApiPathsNamed(Map<String, ?> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new AssertionError("the OpenAPI document has no paths");
        }
        requireNone(openApiPathsMissing(paths.keySet()), "OpenAPI paths missing from README.md's Endpoints section");
    }

    /** Fails unless there are routes and the Endpoints section names every one. */
    public void requireRoutesNamed(Collection<String> routes) {
        if (routes.isEmpty()) {
            throw new AssertionError("no @Path routes found");
        }
        requireNone(routesMissing(routes), "page routes missing from README.md's Endpoints section");
    }

    /** Fails unless the Configuration section names every environment variable of application.properties. */
    public void requireEnvironmentVariablesNamed() throws IOException {
        requireNone(environmentVariablesMissing(), "environment variables missing from README.md's Configuration section");
    }

    private static void requireNone(SortedSet<String> missing, String what) {
        if (!missing.isEmpty()) {
            throw new AssertionError(what + ": " + missing);
        }
    }

    /** The text of the README's level-2 section {@code title}, up to the next level-2 heading. */
    public String section(String title) {
        Matcher start = Pattern.compile("(?m)^## " + title + "\\s*$").matcher(readme);
        if (!start.find()) {
            throw new AssertionError("README.md has no section ## " + title);
        }
        Matcher end = Pattern.compile("(?m)^## ").matcher(readme);
        return readme.substring(start.end(), end.find(start.end()) ? end.start() : readme.length());
    }
}
