package uk.gov.local.healthcheck.survey.reference;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The register of authorities that survey-service checks every authority code against. Loaded from the project's
 * reference data (reference-data/authority-register.csv, derived from DfE data: see reference-data/README.md).
 */
@ApplicationScoped
public class AuthorityRegister {

    private final Map<String, Authority> byCode;

    public AuthorityRegister(@ConfigProperty(name = "survey.authority-register") String resource) {
        this.byCode = load(resource);
    }

    public Optional<Authority> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Authority> all() {
        return byCode.values();
    }

    static Map<String, Authority> load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Authority register not found on the classpath: " + resource);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable authority register " + resource, e);
        }
    }

    static Map<String, Authority> parse(Reader csv) throws IOException {
        Map<String, Authority> authorities = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            Authority a = new Authority(r.get("gss_code"), r.get("old_la_code"), r.get("name"), r.get("region_code"),
                    r.get("region_name"), r.get("type"), year(r.get("valid_from_year")), year(r.get("valid_to_year")));
            if (authorities.put(a.code(), a) != null) {
                throw new IllegalStateException("Authority " + a.code() + " appears twice in the register");
            }
        }
        return Collections.unmodifiableMap(authorities);
    }

    private static OptionalInt year(String value) {
        return value == null || value.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    }
}
