package uk.gov.local.healthcheck.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import lombok.RequiredArgsConstructor;

/** What every page's header needs about the person, for templates as {@code inject:session}. */
@Named("session")
@RequestScoped
@RequiredArgsConstructor
public class Session {

    private final SecurityIdentity identity;
    private Person person;
    private boolean read;

    public Person person() {
        if (!read) {
            person = Person.of(identity);
            read = true;
        }
        return person;
    }

    public boolean signedIn() {
        return person() != null;
    }
}
