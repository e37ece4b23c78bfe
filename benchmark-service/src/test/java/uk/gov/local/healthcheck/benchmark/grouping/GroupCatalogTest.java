package uk.gov.local.healthcheck.benchmark.grouping;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.authorities.Area;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;
import uk.gov.local.healthcheck.reference.authorities.CouncilType;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCatalogTest {

    private static final AuthorityRegister REGISTER = AuthorityRegister.fromClasspath();
    private static final GroupCatalog CATALOG = GroupCatalog.from(REGISTER);

    @Test
    void theRegisterHasEveryAuthorityIncludingHistoricOnes() {
        assertEquals(163, REGISTER.size());
        var cumbria = REGISTER.find("E10000006").orElseThrow();
        assertEquals("E12000002", cumbria.region().code());
        assertTrue(cumbria.validToYear().isPresent());
        var city = REGISTER.find("E09000001").orElseThrow();
        assertEquals(CouncilType.LONDON_BOROUGH, city.type());
        assertEquals(Optional.of("E13000001"), city.londonSubregionCode());
        assertEquals("202", city.statisticalNeighbours().get(0));
        assertEquals("Camden", REGISTER.findByOldLaCode("202").orElseThrow().name());
    }

    @Test
    void nineRegionsInCodeOrderThatPartitionEngland() {
        List<String> codes = CATALOG.regions().stream().map(Group::code).toList();
        assertEquals(List.of("E12000001", "E12000002", "E12000003", "E12000004", "E12000005", "E12000006",
                "E12000007", "E12000008", "E12000009"), codes);
        int inRegions = CATALOG.regions().stream().mapToInt(g -> g.members().size()).sum();
        assertEquals(CATALOG.national().members().size(), inRegions);
        assertEquals(163, CATALOG.national().members().size());
        assertEquals("London", CATALOG.find(GroupId.region("E12000007")).orElseThrow().name());
        assertTrue(CATALOG.find(GroupId.region("E12000007")).orElseThrow().contains("E09000001"));
        assertEquals(Area.ENGLAND.code(), CATALOG.national().code());
    }

    @Test
    void groupIdsParseOnlyWellFormedText() {
        assertEquals(Optional.of(GroupId.NATIONAL), GroupId.parse("national"));
        assertEquals(Optional.of(GroupId.region("E12000005")), GroupId.parse("region:E12000005"));
        assertEquals("region:E12000005", GroupId.region("E12000005").toString());
        for (String bad : new String[] {"", " ", "region", "region:", "national:E92000001", "county:E10000006", "REGION:E12000001"}) {
            assertFalse(GroupId.parse(bad).isPresent(), bad);
        }
        assertFalse(CATALOG.find(GroupId.region("E13000001")).isPresent(), "sub-regions are not offered yet");
    }

    @Test
    void neighboursMapOldDfeCodesToTheAuthorityOfTheYear() {
        // North Yorkshire's 815 was the county E10000023 until 2022 and the unitary E06000065 from 2023.
        String withNorthYorkshire = REGISTER.all().stream()
                .filter(a -> a.statisticalNeighbours().contains("815")).findFirst().orElseThrow().gssCode();
        assertTrue(REGISTER.neighbours(withNorthYorkshire, 2022).contains("E10000023"));
        assertTrue(REGISTER.neighbours(withNorthYorkshire, 2024).contains("E06000065"));
        var group = CATALOG.neighbours("E10000031", 2024).orElseThrow();
        assertEquals(10, group.members().size());
        assertFalse(group.contains("E10000031"));
        assertEquals("neighbours:E10000031", group.id().toString());
    }

    @Test
    void subregionsAndCouncilTypesPartitionTheirParents() {
        assertEquals(List.of("Inner London", "Outer London"), CATALOG.londonSubregions().stream().map(Group::name).toList());
        int london = CATALOG.find(GroupId.region("E12000007")).orElseThrow().members().size();
        assertEquals(london, CATALOG.londonSubregions().stream().mapToInt(g -> g.members().size()).sum());
        assertEquals(REGISTER.size(), CATALOG.councilTypes().stream().mapToInt(g -> g.members().size()).sum());
        assertEquals("councilType:shire-county", CATALOG.councilTypes().get(0).id().toString());
        assertTrue(CATALOG.find(GroupId.parse("subregion:E13000002").orElseThrow()).isPresent());
    }
}
