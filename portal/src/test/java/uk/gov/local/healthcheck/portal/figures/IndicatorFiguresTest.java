package uk.gov.local.healthcheck.portal.figures;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.ApiJson;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorFiguresTest {

    @Test
    void aRankedIndicatorIsWrittenAsTheApiGaveItWithItsRegionAndEngland() {
        IndicatorFigures f = IndicatorFigures.of(ApiJson.read("{\"indicator\":\"agency_rate\",\"unit\":\"percent\",\"value\":14.0,"
                + "\"region\":{\"value\":12.5},\"england\":{\"value\":null,\"suppressed\":\"c\",\"reason\":\"fewer than 3 authorities\"},"
                + "\"rankEngland\":3,\"rankedEngland\":152,\"rankRegion\":1,\"rankedRegion\":9,\"band\":\"B\"}"));
        assertEquals(new IndicatorFigures("14.0%", "12.5%", "[c] fewer than 3 authorities", "3 of 152 in England, 1 of 9 in region", "B"), f);
    }

    @Test
    void anUnrankedMissingFigureSaysWhyAndHasNoRankOrBand() {
        IndicatorFigures f = IndicatorFigures.of(ApiJson.read("{\"indicator\":\"turnover_rate\",\"value\":null,"
                + "\"missingReason\":\"not available\",\"rankEngland\":null}"));
        assertEquals(new IndicatorFigures("– (not available)", "–", "–", "–", "–"), f);
        assertEquals("2 of 4 in England", Figures.rank(ApiJson.read("{\"rankEngland\":2,\"rankedEngland\":4}")));
    }
}
