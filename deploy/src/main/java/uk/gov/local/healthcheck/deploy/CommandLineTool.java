package uk.gov.local.healthcheck.deploy;

import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * What this module's command-line tools share, so that each declares only its own name, description, exit statuses
 * and options: the usage's layout (options in the order declared, as wide as the terminal, the exit statuses listed
 * last under one heading), {@code -h}/{@code --help}, and how the command line is parsed and run. picocli merges these
 * {@code @Command} attributes with those of the subclass.
 */
@CommandLine.Command(sortOptions = false, usageHelpAutoWidth = true, exitCodeListHeading = "Exit status:%n")
public abstract class CommandLineTool implements Callable<Integer> {

    // listed last: declared in the superclass, picocli would list it before the tool's own options
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits", order = Integer.MAX_VALUE)
    private boolean help;

    /**
     * This tool's command line: an option given twice takes the last value (as the hand-written parsers did), and an
     * argument starting with {@code @} is a value, not a file of arguments. Unknown options, bad values and missing
     * ones are refused with a message and exit status 2; {@code --help} prints the usage.
     */
    public CommandLine commandLine() {
        return new CommandLine(this).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    /** Runs the tool on {@code args} and ends the JVM with its exit status: what a tool's {@code main} does. */
    public void runAndExit(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
