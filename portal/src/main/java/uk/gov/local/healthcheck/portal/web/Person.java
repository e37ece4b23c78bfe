package uk.gov.local.healthcheck.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who is signed in, as the access token says (the token Quarkus has already verified): what the pages show and
 * which links they offer. It decides nothing about access: the APIs do, with the same token.
 *
 * @param name          the person's name, or their username
 * @param authorityCode a council user's authority ({@code authority_code}), null otherwise
 * @param regionCode    an RIA analyst's region ({@code region_code}), null otherwise
 */
public record Person(String name, String username, String authorityCode, String regionCode, boolean lgaAdmin,
                     boolean councilSubmitter, boolean councilViewer, boolean riaAnalyst) {

    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String RIA_ANALYST = "ria-analyst";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Null when nobody is signed in. */
    public static Person of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        JsonNode claims = token == null ? JSON.createObjectNode() : claims(token.getToken());
        String username = claims.path("preferred_username").asText(identity.getPrincipal().getName());
        String name = claims.path("name").asText("");
        return new Person(name.isBlank() ? username : name, username, text(claims, "authority_code"), text(claims, "region_code"),
                identity.hasRole(LGA_ADMIN), identity.hasRole(COUNCIL_SUBMITTER), identity.hasRole(COUNCIL_VIEWER),
                identity.hasRole(RIA_ANALYST));
    }

    /** The council's own authority when the person works for one. */
    public boolean council() {
        return (councilSubmitter || councilViewer) && authorityCode != null;
    }

    public boolean ria() {
        return riaAnalyst && regionCode != null;
    }

    /** May change a return or an invitation for this authority (the API checks it again). */
    public boolean maySubmitFor(String code) {
        return lgaAdmin || councilSubmitter && code.equals(authorityCode);
    }

    private static String text(JsonNode claims, String name) {
        String value = claims.path(name).asText("");
        return value.isBlank() ? null : value;
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }
}
