package uk.gov.local.healthcheck.portal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.infra.ReadmeTruth;
import uk.gov.local.healthcheck.portal.home.HomePage;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;


/**
 * The README stays true to the code (issue "One house"): every page route (JAX-RS {@code @Path} of a resource
 * method, read from the compiled classes) is named in its Endpoints section, and every environment variable of
 * application.properties in its Configuration section.
 */
class ReadmeTruthTest {

    @Test
    void everyPageRouteIsInTheEndpointsSection() throws Exception {
        ReadmeTruth.ofModule().requireRoutesNamed(routes());
    }

    @Test
    void everyEnvironmentVariableIsInTheConfigurationSection() throws IOException {
        ReadmeTruth.ofModule().requireEnvironmentVariablesNamed();
    }

    /** Every resource method's full path, from the portal's compiled classes. */
    static Set<String> routes() throws Exception {
        var root = java.nio.file.Path.of(HomePage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var routes = new TreeSet<String>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ReadmeTruthTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null || type.isInterface()) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (Stream.of(method.getAnnotations()).map(Annotation::annotationType).noneMatch(a -> a.isAnnotationPresent(HttpMethod.class))) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String route = (base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    routes.add(route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route);
                }
            }
        }
        return routes;
    }
}
