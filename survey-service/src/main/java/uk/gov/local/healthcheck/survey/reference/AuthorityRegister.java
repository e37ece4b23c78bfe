package uk.gov.local.healthcheck.survey.reference;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The register of authorities that survey-service checks every authority code against: the reference module's
 * register (reference-data/authority-register.csv, derived from DfE data: see reference-data/README.md), seen as
 * survey's {@link Authority}.
 */
@ApplicationScoped
public class AuthorityRegister {

    private final Map<String, Authority> byCode;

    public AuthorityRegister(@ConfigProperty(name = "survey.authority-register") String resource) {
        Map<String, Authority> authorities = new LinkedHashMap<>();
        uk.gov.local.healthcheck.reference.authorities.AuthorityRegister.fromClasspath(resource).all().forEach(a ->
                authorities.put(a.gssCode(), new Authority(a.gssCode(), a.oldLaCode(), a.name(), a.region().code(),
                        a.region().name(), a.type().label(), a.validFromYear(), a.validToYear())));
        this.byCode = Collections.unmodifiableMap(authorities);
    }

    public Optional<Authority> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Authority> all() {
        return byCode.values();
    }
}
