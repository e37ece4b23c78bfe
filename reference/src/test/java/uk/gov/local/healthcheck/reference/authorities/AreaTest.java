package uk.gov.local.healthcheck.reference.authorities;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The areas named in code are the ones the register's rows refer to. */
class AreaTest {

    static final AuthorityRegister REGISTER = AuthorityRegister.fromClasspath();

    @Test
    void londonIsARegionOfTheRegisterUnderItsName() {
        assertTrue(REGISTER.regions().contains(new Region(Area.LONDON.code(), Area.LONDON.name())), REGISTER.regions()::toString);
    }

    @Test
    void theLondonSubregionsAreTheOnesTheRegisterUsesAndPartitionLondon() {
        Set<String> used = REGISTER.all().stream().flatMap(a -> a.londonSubregionCode().stream()).collect(Collectors.toSet());
        assertEquals(Area.LONDON_SUBREGIONS.stream().map(Area::code).collect(Collectors.toSet()), used);
        for (Authority a : REGISTER.all()) {
            assertEquals(a.region().code().equals(Area.LONDON.code()), a.londonSubregionCode().isPresent(),
                    a.name() + " is in a London subregion exactly when it is in London");
        }
    }
}
