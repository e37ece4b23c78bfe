package uk.gov.local.healthcheck.portal.pdf;

import io.quarkus.qute.TemplateInstance;

/** A page ready to render, with what its PDF needs besides: the document's title, the source and the "as at" time. */
public record PrintablePage(TemplateInstance page, String title, String source, String asAt) {

    public byte[] pdf(PdfRenderer renderer) {
        return renderer.render(page.render(), title, AsAt.footer(source, asAt));
    }
}
