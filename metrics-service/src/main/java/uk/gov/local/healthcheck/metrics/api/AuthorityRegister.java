package uk.gov.local.healthcheck.metrics.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authority register packaged from {@code reference-data/authority-register.csv}: the region (E12 code) of each
 * GSS code, for RIA analysts' region scoping.
 */
@ApplicationScoped
public class AuthorityRegister {

    static final String RESOURCE = "reference/authority-register.csv";

    private final Map<String, String> regionByCode;

    public AuthorityRegister() {
        this.regionByCode = load();
    }

    public Optional<String> regionOf(String gssCode) {
        return Optional.ofNullable(regionByCode.get(gssCode));
    }

    private static Map<String, String> load() {
        var in = AuthorityRegister.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        Map<String, String> regions = new HashMap<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                String code = r.get("gss_code");
                String region = r.get("region_code");
                if (code != null && !code.isBlank() && region != null && !region.isBlank()) {
                    regions.put(code.trim(), region.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
        return Map.copyOf(regions);
    }
}
