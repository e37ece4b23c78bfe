package uk.gov.local.healthcheck.portal.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.charts.BarChart;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRendererTest {

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void aPageBecomesAnA4PdfOfItsMainContentWithFooterAndPageNumbers() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 120; i++) { // enough rows for a second page
            rows.append("<tr><th>Authority ").append(i).append("</th><td class=\"govuk-table__cell--numeric\">")
                    .append(i).append(".5%</td></tr>");
        }
        String chart = BarChart.svg("Agency rate", List.of(new BarChart.Bar("Warwickshire", new BigDecimal("12.5"), true),
                new BarChart.Bar("England", new BigDecimal("17.9"), false)), "%");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body>"
                + "<header>Header not printed</header><main id=\"main-content\"><h1>National report – workforce 2024</h1>"
                + "<p class=\"app-screen-only\"><a href=\"x.csv\">Download as CSV</a></p>"
                + "<p>Good ≥ 75 %, Gloucestershire, Bracknell Forest – 3</p>" + chart
                + "<table><thead><tr><th>Authority</th><th>Agency rate</th></tr></thead><tbody>" + rows + "</tbody></table>"
                + "</main><footer>Site footer</footer></body></html>";

        byte[] pdf = renderer.render(html, "National report – workforce 2024", "Source: LGA Social Work Health Check. As at 2 December 2026 09:00");

        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "the long table runs onto a second page");
            PDRectangle a4 = PDRectangle.A4;
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(a4.getWidth(), box.getWidth(), 1.0);
            assertEquals(a4.getHeight(), box.getHeight(), 1.0);
            assertEquals("National report – workforce 2024", doc.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("National report – workforce 2024"), text);
            assertTrue(text.contains("Good ≥ 75 %"), "characters outside Latin-1 print as they are: " + text);
            assertTrue(text.contains("Page 1 of " + doc.getNumberOfPages()), text);
            assertTrue(text.contains("As at 2 December 2026 09:00"), "the footer is on the page: " + text);
            assertTrue(text.contains("Authority 119"));
            assertFalse(text.contains("Download as CSV"), "links to downloads are for the screen only");
            assertFalse(text.contains("Header not printed"));
            assertFalse(text.contains("Site footer"));
        }
    }
}
