package uk.gov.local.healthcheck.portal.web;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownloadsTest {

    @Test
    void aDownloadIsNamedAfterWhatItShowsWithOnlySafeCharactersFromTheUrl() {
        Response csv = Downloads.csv(new byte[0], "comparison", "E10000031", "workforce-2024");
        assertEquals("attachment; filename=\"comparison-E10000031-workforce-2024.csv\"", csv.getHeaderString("Content-Disposition"));
        assertEquals("text/csv;charset=utf-8", csv.getMediaType().toString().replace(" ", ""));

        Response pdf = Downloads.pdf(new byte[0], "report", "employer_2024\"; x=\"../y");
        assertEquals("attachment; filename=\"report-employer_2024xy.pdf\"", pdf.getHeaderString("Content-Disposition"));
        assertEquals("application/pdf", pdf.getMediaType().toString());
    }
}
