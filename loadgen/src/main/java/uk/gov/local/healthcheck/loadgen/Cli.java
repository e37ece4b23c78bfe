package uk.gov.local.healthcheck.loadgen;

import picocli.CommandLine;

/** The picocli set-up the tools' command lines share. */
final class Cli {

    private Cli() {
    }

    /**
     * A command line for {@code command}: an option given twice takes the last value (as the hand-written parser did),
     * and an argument starting with {@code @} is a value, not a file of arguments (a password may start with one).
     * Unknown options, bad values and missing ones are refused with exit status 2, {@code --help} prints the usage.
     */
    static CommandLine of(Object command) {
        return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    /** Parses {@code args} into {@code command} and returns it; throws {@link CommandLine.ParameterException} on bad usage. */
    static <T> T parse(T command, String... args) {
        of(command).parseArgs(args);
        return command;
    }
}
