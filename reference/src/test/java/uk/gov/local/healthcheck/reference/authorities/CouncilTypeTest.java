package uk.gov.local.healthcheck.reference.authorities;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CouncilTypeTest {

    @Test
    void qualifiedTypesCountAsTheirBaseType() {
        assertEquals(CouncilType.LONDON_BOROUGH, CouncilType.fromLabel("London Borough (City of London Corporation)"));
        assertEquals(CouncilType.UNITARY_AUTHORITY, CouncilType.fromLabel("Unitary Authority (Council of the Isles of Scilly)"));
        assertEquals(CouncilType.SHIRE_COUNTY, CouncilType.fromLabel("Shire County"));
        assertEquals(CouncilType.METROPOLITAN_DISTRICT, CouncilType.fromLabel(" Metropolitan District "));
        assertThrows(IllegalArgumentException.class, () -> CouncilType.fromLabel("Parish"));
    }
}
