package uk.gov.local.healthcheck.reference.authorities;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorityRegisterTest {

    static final AuthorityRegister REGISTER = AuthorityRegister.fromClasspath();

    @Test
    void holdsTodaysAuthoritiesAndThoseReorganisedSince2017() {
        assertEquals(163, REGISTER.size());
        assertEquals(153, REGISTER.all().stream().filter(a -> AuthorityRegister.existsIn(a, 2025)).count());
        Authority warwickshire = REGISTER.find("E10000031").orElseThrow();
        assertEquals("Warwickshire", warwickshire.name());
        assertEquals(Optional.of("E12000005"), REGISTER.regionOf("E10000031"));
        assertEquals(CouncilType.SHIRE_COUNTY, warwickshire.type());
        assertTrue(REGISTER.regionOf("E99999999").isEmpty());
        assertEquals(9, REGISTER.regions().size());
    }

    @Test
    void reorganisedAuthoritiesExistOnlyInTheirYears() {
        Authority cumbria = REGISTER.find("E10000006").orElseThrow();
        assertTrue(AuthorityRegister.existsIn(cumbria, 2022));
        assertFalse(AuthorityRegister.existsIn(cumbria, 2023));
        assertFalse(AuthorityRegister.existsIn(REGISTER.find("E08000038").orElseThrow(), 2024));
        assertTrue(AuthorityRegister.existsIn(REGISTER.find("E08000038").orElseThrow(), 2025));
    }

    @Test
    void aReusedDfeCodeNamesTheAuthorityThatHeldItThatYear() {
        assertEquals("E08000016", REGISTER.findByOldLaCode("370", 2024).orElseThrow().gssCode());
        assertEquals("E08000038", REGISTER.findByOldLaCode("370", 2025).orElseThrow().gssCode());
        assertEquals("E08000038", REGISTER.findByOldLaCode("370").orElseThrow().gssCode());
        assertEquals(10, REGISTER.neighbours("E09000007", 2025).size());
    }

    @Test
    void anAuthorityListedTwiceIsRefused() {
        String header = "gss_code,old_la_code,name,region_code,region_name,london_subregion_code,type,valid_from_year,"
                + "valid_to_year,statistical_neighbours\n";
        String row = "E09000007,202,Camden,E12000007,London,E13000001,London Borough,,,206;213\n";
        assertThrows(IllegalStateException.class, () -> AuthorityRegister.parse(new StringReader(header + row + row)));
    }
}
