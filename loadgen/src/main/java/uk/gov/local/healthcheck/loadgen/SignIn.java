package uk.gov.local.healthcheck.loadgen;

import picocli.CommandLine.Option;

/** Whom a tool signs in as: the options {@link Options} and {@link PortalOptions} share. */
final class SignIn {

    @Option(names = "--user", defaultValue = "lga1", paramLabel = "NAME", description = "who signs in; default ${DEFAULT-VALUE}")
    private String user;
    @Option(names = "--password", paramLabel = "PASSWORD", description = "default HEALTHCHECK_PASSWORD, else <user>-password")
    private String password;

    String user() {
        return user;
    }

    /** {@code --password}, else {@code HEALTHCHECK_PASSWORD}, else the demo users' {@code <user>-password}. */
    String password() {
        return password != null ? password : System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", user + "-password");
    }
}
