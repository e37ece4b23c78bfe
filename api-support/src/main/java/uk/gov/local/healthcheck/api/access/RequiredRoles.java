package uk.gov.local.healthcheck.api.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.List;

/** The roles an endpoint admits ({@code @RolesAllowed} on the method, else on its class), for a 403's detail. */
public final class RequiredRoles {

    private RequiredRoles() {
    }

    /** Empty when the endpoint is unknown or names no roles. */
    public static List<String> of(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }
}
