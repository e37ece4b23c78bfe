package uk.gov.local.healthcheck.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates (or brings up to date) one login role and one database per component on the platform's PostgreSQL
 * server: {@code survey}, {@code metrics}, {@code benchmark}, {@code keycloak}, each database owned by the role of
 * the same name (docs/conventions.md). The zonky PostgreSQL binaries have no psql, hence this class.
 *
 * <p>{@code java -cp ... uk.gov.local.healthcheck.deploy.PostgresSetup <host> <port>}. Passwords come from the
 * environment only (never the command line, which {@code ps} shows): {@code POSTGRES_ADMIN_PASSWORD} for the
 * superuser {@code postgres}, {@code <NAME>_DB_PASSWORD} for each role, defaulting to the demo-only
 * {@code <name>-demo-password}. Idempotent: existing roles get their password reset to the current value.
 */
public final class PostgresSetup {

    public static final List<String> DATABASES = List.of("survey", "metrics", "benchmark", "keycloak");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresSetup() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: PostgresSetup <host> <port>   (passwords from POSTGRES_ADMIN_PASSWORD, <NAME>_DB_PASSWORD)");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        String adminPassword = env.getOrDefault("POSTGRES_ADMIN_PASSWORD", "postgres-demo-password");
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", adminPassword);
        props.setProperty("connectTimeout", "10");
        String url = "jdbc:postgresql://" + args[0] + ":" + Integer.parseInt(args[1]) + "/postgres";
        try (Connection c = DriverManager.getConnection(url, props)) {
            for (String name : DATABASES) {
                String password = env.getOrDefault(name.toUpperCase() + "_DB_PASSWORD", name + "-demo-password");
                String done = ensure(c, name, password);
                System.out.println("postgres: " + name + " " + done);
            }
        }
    }

    /** Ensures role {@code name} (login, password) and database {@code name} owned by it; says what it did. */
    static String ensure(Connection c, String name, String password) throws SQLException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        StringBuilder did = new StringBuilder();
        try (Statement s = c.createStatement()) {
            boolean roleExists = exists(c, "select 1 from pg_roles where rolname = ?", name);
            String passwordLiteral = literal(password);
            if (roleExists) {
                s.execute("alter role " + name + " with login password " + passwordLiteral);
                did.append("role kept (password set)");
            } else {
                s.execute("create role " + name + " with login password " + passwordLiteral);
                did.append("role created");
            }
            if (exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("alter database " + name + " owner to " + name);
                did.append(", database kept");
            } else {
                s.execute("create database " + name + " owner " + name + " encoding 'UTF8'");
                did.append(", database created");
            }
            // only the owner (and the superuser) may connect
            s.execute("revoke all on database " + name + " from public");
        }
        return did.toString();
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("password contains NUL");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
