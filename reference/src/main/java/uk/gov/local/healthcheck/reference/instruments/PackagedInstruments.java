package uk.gov.local.healthcheck.reference.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The instruments packaged with this module ({@code ../instruments/*.yaml} on the classpath under
 * {@code instruments/}), each read once, checked ({@link InstrumentIntegrity}) and fingerprinted. Immutable.
 */
public final class PackagedInstruments {

    /** Where the files are on the classpath. */
    public static final String DIRECTORY = "instruments/";

    /** The one list of instrument files, in this order; a new instrument version is a new file and a new entry here. */
    public static final List<String> FILES = List.of("workforce-return.yaml", "employer-health-check-2018.yaml",
            "practitioner-survey.yaml");

    /** An instrument with the SHA-256 of its definition file. */
    public record Packaged(String file, Instrument instrument, String sha256) {
    }

    private final List<Packaged> packaged;

    private PackagedInstruments(List<Packaged> packaged) {
        this.packaged = List.copyOf(packaged);
    }

    /** Every instrument of {@link #FILES}. */
    public static PackagedInstruments load() {
        return load(FILES);
    }

    /** The instruments of these files (names under {@link #DIRECTORY}). */
    public static PackagedInstruments load(List<String> files) {
        List<Packaged> loaded = new ArrayList<>();
        for (String file : files) {
            byte[] bytes = file(file);
            Instrument instrument;
            try {
                instrument = InstrumentReader.read(bytes);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Unreadable instrument file " + file + ": " + e.getMessage(), e);
            }
            List<String> problems = InstrumentIntegrity.problems(instrument);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(file + " is not a consistent instrument: " + String.join("; ", problems));
            }
            if (loaded.stream().anyMatch(p -> p.instrument().id().equals(instrument.id())
                    && p.instrument().version() == instrument.version())) {
                throw new IllegalStateException(file + " defines " + instrument.id() + " v" + instrument.version() + " a second time");
            }
            loaded.add(new Packaged(file, instrument, sha256(bytes)));
        }
        return new PackagedInstruments(loaded);
    }

    /** Every instrument, in the order of the files. */
    public List<Instrument> all() {
        return packaged.stream().map(Packaged::instrument).toList();
    }

    public Optional<Instrument> find(String id, int version) {
        return packaged.stream().map(Packaged::instrument).filter(i -> i.id().equals(id) && i.version() == version).findFirst();
    }

    /** The highest version of an instrument. */
    public Optional<Instrument> latest(String id) {
        return packaged.stream().map(Packaged::instrument).filter(i -> i.id().equals(id))
                .max(Comparator.comparingInt(Instrument::version));
    }

    /** SHA-256 of the definition file: a version in use must never change, and this is how that is checked. */
    public Optional<String> fingerprint(String id, int version) {
        return packaged.stream().filter(p -> p.instrument().id().equals(id) && p.instrument().version() == version)
                .map(Packaged::sha256).findFirst();
    }

    /** The bytes of a file packaged under {@link #DIRECTORY} (an instrument, or the indicator dictionary beside them). */
    public static byte[] file(String name) {
        String resource = DIRECTORY + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : PackagedInstruments.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("File not found on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable file " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
