package uk.gov.local.healthcheck.portal.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A small horizontal bar chart drawn on the server as SVG: no script, prints as it shows, and reads out as one image
 * with a text alternative naming every figure (the same figures are in the table beside it). Every bar carries its
 * value as text, so colour is never the only cue. Missing figures are drawn as "no figure", never as zero.
 */
public final class BarChart {

    /** One bar: its label, its value (null when there is none) and whether it is the council's own. */
    public record Bar(String label, BigDecimal value, boolean own) {
    }

    static final int WIDTH = 460;
    static final int LABEL_WIDTH = 190;
    static final int BAR_HEIGHT = 18;
    static final int GAP = 8;
    static final int VALUE_WIDTH = 60;
    /** GOV.UK Frontend's blue for the council's own bars, its dark grey for the groups (both AA against white). */
    static final String OWN = "#1d70b8";
    static final String GROUP = "#505a5f";

    private BarChart() {
    }

    /** The SVG element; {@code title} names the chart for assistive technology. */
    public static String svg(String title, List<Bar> bars, String unitSuffix) {
        BigDecimal max = bars.stream().map(Bar::value).filter(v -> v != null && v.signum() > 0).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE);
        int height = bars.size() * (BAR_HEIGHT + GAP) + GAP;
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder alt = new StringBuilder(title).append(": ");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = GAP + i * (BAR_HEIGHT + GAP);
            String figure = bar.value() == null ? "no figure" : bar.value().toPlainString() + unitSuffix;
            alt.append(i == 0 ? "" : "; ").append(bar.label()).append(' ').append(figure);
            body.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"13\" fill=\"#0b0c0c\">")
                    .append(escape(bar.label())).append("</text>");
            int length = 0;
            if (bar.value() != null && bar.value().signum() > 0) {
                length = Math.max(1, bar.value().multiply(BigDecimal.valueOf(room)).divide(max, 0, RoundingMode.HALF_UP).intValue());
                body.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(length)
                        .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(bar.own() ? OWN : GROUP).append("\"/>");
            }
            body.append("<text x=\"").append(LABEL_WIDTH + length + 4).append("\" y=\"").append(y + 13)
                    .append("\" font-size=\"13\" fill=\"#0b0c0c\"").append(bar.own() ? " font-weight=\"bold\"" : "").append('>')
                    .append(escape(figure)).append("</text>");
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"arial, sans-serif\" aria-label=\"" + escape(alt.toString()) + "\"><title>"
                + escape(alt.toString()) + "</title>" + body + "</svg>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
