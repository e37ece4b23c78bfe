package uk.gov.local.healthcheck.portal.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Makes the printable PDF of a page from the page itself: the HTML its template rendered, reduced to its
 * {@code <main>} content (no header, navigation, buttons or download links: whatever carries
 * {@code app-screen-only}), laid out on A4 with its own stylesheet, the source and "as at" time in every page's
 * footer and "Page n of N". The charts are the page's own SVG, drawn by Batik. The text is in DejaVu Sans, embedded,
 * so that every character the pages use (en dash, ≥, accented names) prints as it shows.
 */
@ApplicationScoped
public class PdfRenderer {

    static final String FONT = "DejaVu Sans";
    private static final String STYLESHEET = "portal/pdf.css";

    private final String css = read(STYLESHEET);
    private final byte[] regular = bytes("portal/fonts/DejaVuSans.ttf");
    private final byte[] bold = bytes("portal/fonts/DejaVuSans-Bold.ttf");

    /**
     * @param pageHtml the page as its template rendered it
     * @param title    the document's title (PDF metadata and first heading's text)
     * @param footer   what every page's footer says: source and "as at" time
     */
    public byte[] render(String pageHtml, String title, String footer) {
        Document page = Jsoup.parse(pageHtml);
        Element main = page.selectFirst("main");
        Document pdf = Document.createShell("");
        pdf.outputSettings().charset(StandardCharsets.UTF_8);
        pdf.selectFirst("html").attr("lang", "en");
        pdf.head().appendElement("meta").attr("charset", "utf-8");
        pdf.head().appendElement("title").text(title);
        pdf.head().appendElement("meta").attr("name", "author").attr("content", "Local Government Association");
        pdf.head().appendElement("meta").attr("name", "subject").attr("content", footer);
        pdf.head().appendElement("style").appendText(css);
        // A running element: declared before the content so that it is on every page, the first included.
        pdf.body().appendElement("div").attr("id", "app-pdf-footer").text(footer);
        if (main != null) {
            main.select(".app-screen-only, .govuk-back-link, script, form, .govuk-skip-link").remove();
            pdf.body().appendChildren(main.childNodesCopy());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(() -> new java.io.ByteArrayInputStream(regular), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(bold), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(pdf), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF of " + title, e);
        }
        return out.toByteArray();
    }

    private static String read(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the portal's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
