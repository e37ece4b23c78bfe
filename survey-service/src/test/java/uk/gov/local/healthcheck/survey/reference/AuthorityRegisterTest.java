package uk.gov.local.healthcheck.survey.reference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorityRegisterTest {

    private final AuthorityRegister register = new AuthorityRegister("reference/authority-register.csv");

    @Test
    void holdsTodaysAuthoritiesAndThoseReorganisedSince2017() {
        assertEquals(163, register.all().size());
        assertEquals(153, register.all().stream().filter(a -> a.existedIn(2025)).count(), "153 authorities in 2025");
        Authority warwickshire = register.find("E10000031").orElseThrow();
        assertEquals("Warwickshire", warwickshire.name());
        assertEquals("E12000005", warwickshire.regionCode());
    }

    @Test
    void reorganisedAuthoritiesExistOnlyInTheirYears() {
        assertYears("E10000006", 2022, 2023);      // Cumbria until 2022
        assertYears("E10000021", 2020, 2021);      // Northamptonshire until 2020
        assertYears("E10000002", 2019, 2020);      // Buckinghamshire county until 2019
        assertYears("E06000028", 2018, 2019);      // Bournemouth until 2018
        assertYears("E08000016", 2024, 2025);      // Barnsley's old GSS code until 2024
        assertTrue(register.find("E06000063").orElseThrow().existedIn(2023));   // Cumberland from 2023
        assertFalse(register.find("E06000063").orElseThrow().existedIn(2022));
        assertFalse(register.find("E08000038").orElseThrow().existedIn(2024)); // Barnsley's new code from 2025
        assertTrue(register.find("E08000038").orElseThrow().existedIn(2025));
    }

    private void assertYears(String code, int lastYear, int firstMissingYear) {
        Authority a = register.find(code).orElseThrow();
        assertTrue(a.existedIn(2017), a.name() + " existed in 2017");
        assertTrue(a.existedIn(lastYear), a.name() + " existed in " + lastYear);
        assertFalse(a.existedIn(firstMissingYear), a.name() + " did not exist in " + firstMissingYear);
    }
}
