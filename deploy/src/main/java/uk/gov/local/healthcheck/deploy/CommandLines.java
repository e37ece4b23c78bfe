package uk.gov.local.healthcheck.deploy;

import picocli.CommandLine;

/** The picocli set-up of this module's command-line tools. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * A command line for {@code command}: an option given twice takes the last value (as the hand-written parsers did),
     * and an argument starting with {@code @} is a value, not a file of arguments. Unknown options, bad values and
     * missing ones are refused with a message and exit status 2; {@code --help} prints the usage.
     */
    public static CommandLine of(Object command) {
        return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }
}
