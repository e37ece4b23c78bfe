package uk.gov.local.healthcheck.loadgen;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help}, which both tools take (picocli's standard help mixin would add a {@code --version} they have not got). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits")
    private boolean help;
}
