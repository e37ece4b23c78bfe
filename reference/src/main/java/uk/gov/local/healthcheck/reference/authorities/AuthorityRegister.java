package uk.gov.local.healthcheck.reference.authorities;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The authority register: the authorities (current and historic, with the years each existed), read once from
 * {@code reference-data/authority-register.csv}, which this module packages. The one reader of that file for every
 * service. Immutable, so one instance is shared by consumers and every request without locking.
 */
public final class AuthorityRegister {

    /** Where this module's pom packages {@code reference-data/authority-register.csv}. */
    public static final String CLASSPATH_RESOURCE = "reference/authority-register.csv";

    private static final String NEIGHBOUR_SEPARATOR = ";";

    private final Map<String, Authority> byGssCode;
    private final Map<String, Authority> byOldLaCode;
    private final Map<String, List<Authority>> allByOldLaCode;
    private final List<Region> regions;

    private AuthorityRegister(Collection<Authority> authorities) {
        this.byGssCode = authorities.stream()
                .collect(Collectors.toMap(Authority::gssCode, a -> a, AuthorityRegister::duplicate, LinkedHashMap::new));
        // A DfE code can be reused after a reorganisation, so the newest holder wins for neighbour look-ups.
        this.byOldLaCode = authorities.stream()
                .filter(a -> !a.oldLaCode().isEmpty())
                .collect(Collectors.toMap(Authority::oldLaCode, a -> a,
                        (a, b) -> a.validToYear().isPresent() ? b : a, LinkedHashMap::new));
        this.allByOldLaCode = authorities.stream()
                .filter(a -> !a.oldLaCode().isEmpty())
                .collect(Collectors.groupingBy(Authority::oldLaCode, LinkedHashMap::new, Collectors.toList()));
        Map<String, Region> distinct = new TreeMap<>();
        authorities.forEach(a -> distinct.putIfAbsent(a.region().code(), a.region()));
        this.regions = List.copyOf(distinct.values());
    }

    public static AuthorityRegister fromClasspath() {
        return fromClasspath(CLASSPATH_RESOURCE);
    }

    /** The register at that classpath resource (a CSV with the columns of {@code authority-register.csv}). */
    public static AuthorityRegister fromClasspath(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            in = AuthorityRegister.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("The authority register " + resource + " is not on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    public static AuthorityRegister parse(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Authority> authorities = format.parse(csv).stream().map(AuthorityRegister::toAuthority).toList();
        return new AuthorityRegister(authorities);
    }

    private static Authority toAuthority(CSVRecord r) {
        return new Authority(
                r.get("gss_code"),
                r.get("old_la_code"),
                r.get("name"),
                new Region(r.get("region_code"), r.get("region_name")),
                Optional.of(r.get("london_subregion_code")).filter(s -> !s.isEmpty()),
                CouncilType.fromLabel(r.get("type")),
                year(r.get("valid_from_year")),
                year(r.get("valid_to_year")),
                Arrays.stream(r.get("statistical_neighbours").split(NEIGHBOUR_SEPARATOR))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static OptionalInt year(String text) {
        return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
    }

    private static Authority duplicate(Authority a, Authority b) {
        throw new IllegalStateException("The authority register lists " + a.gssCode() + " twice");
    }

    public Optional<Authority> find(String gssCode) {
        return Optional.ofNullable(byGssCode.get(gssCode));
    }

    /** The region (E12 code) of an authority. */
    public Optional<String> regionOf(String gssCode) {
        return find(gssCode).map(a -> a.region().code());
    }

    public Optional<Authority> findByOldLaCode(String oldLaCode) {
        return Optional.ofNullable(byOldLaCode.get(oldLaCode));
    }

    /**
     * The authority that held a DfE code in a year: codes are reused after reorganisations (Barnsley's 370 moved
     * from E08000016 to E08000038 in 2025, North Yorkshire's 815 from a county to a unitary in 2023).
     */
    public Optional<Authority> findByOldLaCode(String oldLaCode, int year) {
        return allByOldLaCode.getOrDefault(oldLaCode, List.of()).stream()
                .filter(a -> existsIn(a, year))
                .findFirst();
    }

    /** Whether the authority existed in the year (an empty bound is open). */
    public static boolean existsIn(Authority a, int year) {
        return (a.validFromYear().isEmpty() || a.validFromYear().getAsInt() <= year)
                && (a.validToYear().isEmpty() || a.validToYear().getAsInt() >= year);
    }

    /**
     * The GSS codes of an authority's statistical neighbours as they existed in the year, nearest first. The
     * register's list is the DfE's 2025 model; a neighbour code that no authority held that year is skipped.
     */
    public List<String> neighbours(String gssCode, int year) {
        return find(gssCode).map(a -> a.statisticalNeighbours().stream()
                        .map(code -> findByOldLaCode(code, year))
                        .flatMap(Optional::stream)
                        .map(Authority::gssCode)
                        .toList())
                .orElse(List.of());
    }

    public Collection<Authority> all() {
        return byGssCode.values();
    }

    /** The regions, in code order. */
    public List<Region> regions() {
        return regions;
    }

    public int size() {
        return byGssCode.size();
    }
}
