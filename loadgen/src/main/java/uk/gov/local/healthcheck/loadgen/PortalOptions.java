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

/** {@link PortalPageBenchmark}'s command line ({@code --page} and {@code --pdf} repeatable); defaults in docs/load-testing.md. */
@Command(name = "PortalPageBenchmark", resourceBundle = "uk.gov.local.healthcheck.loadgen.PortalPageBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Signs in to the portal, GETs its pages at a fixed rate (open-loop), then times its PDFs.")
final class PortalOptions implements Callable<Integer> {

    static final List<String> DEFAULT_PAGES = List.of("/councils/E10000031/rounds/workforce-2024", "/regions/E12000007/rounds/workforce-2024");
    static final List<String> DEFAULT_PDFS = List.of("/reports/workforce-2024.pdf");

    @Option(names = "--portal", defaultValue = "http://127.0.0.1:8084", paramLabel = "URL", description = "the portal; default ${DEFAULT-VALUE}")
    private String portal;
    @Getter(AccessLevel.PACKAGE)
    @Mixin private SignIn signIn;
    @Option(names = "--page", converter = PortalPath.class, paramLabel = "PATH",
            description = "a page, taken in turn (repeatable; replaces the defaults "
                    + "/councils/E10000031/rounds/workforce-2024 and /regions/E12000007/rounds/workforce-2024)")
    private List<String> pages;
    @Getter(AccessLevel.PACKAGE)
    @Mixin private Pacing pacing;
    @Option(names = "--pdf", converter = PortalPath.class, paramLabel = "PATH",
            description = "a PDF to time (repeatable; replaces the default /reports/workforce-2024.pdf)")
    private List<String> pdfs;
    @Option(names = "--pdf-runs", defaultValue = "10", paramLabel = "N",
            description = "timed requests of each PDF, after 2 unrecorded ones; 0 requests none; default ${DEFAULT-VALUE}")
    @Getter(AccessLevel.PACKAGE)
    private int pdfRuns;
    @Mixin private HelpOption help;

    @Override
    public Integer call() throws Exception {
        return PortalPageBenchmark.run(this);
    }

    /** A page or PDF: a path on the portal. */
    static final class PortalPath implements ITypeConverter<String> {
        @Override
        public String convert(String path) {
            if (!path.startsWith("/")) {
                throw new TypeConversionException("A page or PDF is a path on the portal starting with /, got " + path);
            }
            return path;
        }
    }

    String portal() {
        return portal.replaceAll("/+$", "");
    }

    List<String> pages() {
        return pages == null || pages.isEmpty() ? DEFAULT_PAGES : List.copyOf(pages);
    }

    List<String> pdfs() {
        return pdfs == null || pdfs.isEmpty() ? DEFAULT_PDFS : List.copyOf(pdfs);
    }
}
