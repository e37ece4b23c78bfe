package uk.gov.local.healthcheck.loadgen;

import lombok.AccessLevel;
import lombok.Getter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.List;
import java.util.concurrent.Callable;

/** {@link LoadGenerator}'s command line, with the defaults documented in docs/load-testing.md. */
@Command(name = "LoadGenerator", resourceBundle = "uk.gov.local.healthcheck.loadgen.LoadGenerator", sortOptions = false, usageHelpAutoWidth = true,
        description = "Submits responses or returns to a running platform at a fixed rate (open-loop) and reports throughput and latency.")
@Getter(AccessLevel.PACKAGE)
final class Options implements Callable<Integer> {

    static final List<String> MODES = List.of("responses", "batch", "returns");

    @Option(names = "--mode", defaultValue = "responses", converter = Mode.class, paramLabel = "MODE",
            description = "responses (POST one response), batch (POST NDJSON batches) or returns (PUT workforce returns); default ${DEFAULT-VALUE}")
    private String mode;
    @Option(names = "--survey", defaultValue = "http://127.0.0.1:8081", paramLabel = "URL", description = "survey-service; default ${DEFAULT-VALUE}")
    private String survey;
    @Option(names = "--keycloak", defaultValue = "http://127.0.0.1:8180", paramLabel = "URL", description = "Keycloak; default ${DEFAULT-VALUE}")
    private String keycloak;
    @Mixin private SignIn signIn;
    @Mixin private Pacing pacing;
    @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N", description = "responses per batch request; default ${DEFAULT-VALUE}")
    private int batchSize;
    @Option(names = "--authority", defaultValue = "E10000031", paramLabel = "CODE", description = "the authority of generated responses; default ${DEFAULT-VALUE}")
    private String authority;
    @Getter(AccessLevel.NONE)
    @Mixin private HelpOption help;

    @Override
    public Integer call() throws Exception {
        new LoadGenerator(this).run();
        return 0;
    }

    /** Refuses a mode the generator has not got. */
    static final class Mode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!MODES.contains(value)) {
                throw new TypeConversionException("--mode is responses, batch or returns, not '" + value + "'");
            }
            return value;
        }
    }
}
