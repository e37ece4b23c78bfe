package uk.gov.local.healthcheck.portal.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A line chart of a series across rounds drawn on the server as SVG: one line per series (the council, its region,
 * England), told apart by colour AND by dash pattern and marker, with a legend in words; the text alternative names
 * every figure (the same figures are in the table beside it). A round without a figure breaks the line: it is never
 * drawn as zero.
 */
public final class LineChart {

    /** One line: its name and one value per period (null where there is none). */
    public record Series(String name, List<BigDecimal> values) {
    }

    static final int WIDTH = 640;
    static final int PLOT_HEIGHT = 220;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int AXIS = 40;
    static final int LEGEND_ROW = 20;
    static final int TICKS = 4;
    /** GOV.UK Frontend's blue, purple and dark grey: each at least 3:1 against white (WCAG 1.4.11). */
    static final String[] COLOURS = {"#1d70b8", "#912b88", "#505a5f"};
    static final String[] DASHES = {"", "6 4", "2 3"};

    private LineChart() {
    }

    public static String svg(String title, List<String> periods, List<Series> series, String unitSuffix) {
        BigDecimal max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        BigDecimal top = niceCeiling(max);
        int height = TOP + PLOT_HEIGHT + AXIS + series.size() * LEGEND_ROW;
        int plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder body = new StringBuilder();
        StringBuilder alt = new StringBuilder(title).append(". ");
        for (int t = 0; t <= TICKS; t++) {
            BigDecimal tick = top.multiply(BigDecimal.valueOf(t)).divide(BigDecimal.valueOf(TICKS), 1, RoundingMode.HALF_UP);
            int y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * t / TICKS;
            body.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#0b0c0c\">")
                    .append(tick.stripTrailingZeros().toPlainString()).append(BarChart.escape(unitSuffix)).append("</text>");
        }
        for (int p = 0; p < periods.size(); p++) {
            body.append("<text x=\"").append(x(p, periods.size(), plotWidth)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">")
                    .append(BarChart.escape(periods.get(p))).append("</text>");
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            alt.append(s == 0 ? "" : " ").append(line.name()).append(": ");
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int p = 0; p < periods.size(); p++) {
                BigDecimal v = p < line.values().size() ? line.values().get(p) : null;
                alt.append(p == 0 ? "" : ", ").append(periods.get(p)).append(' ')
                        .append(v == null ? "no figure" : v.toPlainString() + unitSuffix);
                if (v == null) {
                    pen = false;
                    continue;
                }
                int x = x(p, periods.size(), plotWidth);
                int y = TOP + PLOT_HEIGHT - v.multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(top, 0, RoundingMode.HALF_UP).intValue();
                path.append(pen ? " L" : " M").append(x).append(' ').append(y);
                pen = true;
                body.append(marker(s, x, y, colour));
            }
            alt.append('.');
            if (path.length() > 0) {
                body.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2.5\"").append(DASHES[s % DASHES.length].isEmpty() ? ""
                                : " stroke-dasharray=\"" + DASHES[s % DASHES.length] + "\"").append("/>");
            }
            int ly = TOP + PLOT_HEIGHT + AXIS + s * LEGEND_ROW;
            body.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + 28).append("\" y1=\"").append(ly)
                    .append("\" y2=\"").append(ly).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                    .append(DASHES[s % DASHES.length].isEmpty() ? "" : " stroke-dasharray=\"" + DASHES[s % DASHES.length] + "\"")
                    .append("/>").append(marker(s, LEFT + 14, ly, colour))
                    .append("<text x=\"").append(LEFT + 36).append("\" y=\"").append(ly + 4)
                    .append("\" font-size=\"13\" fill=\"#0b0c0c\">").append(BarChart.escape(line.name())).append("</text>");
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"arial, sans-serif\" aria-label=\""
                + BarChart.escape(alt.toString()) + "\"><title>" + BarChart.escape(alt.toString()) + "</title>" + body + "</svg>";
    }

    /** Circle, square, triangle: the series are told apart without colour. */
    private static String marker(int series, int x, int y, String colour) {
        return switch (series % 3) {
            case 0 -> "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"4\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect x=\"" + (x - 4) + "\" y=\"" + (y - 4) + "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
            default -> "<path d=\"M" + x + " " + (y - 5) + " L" + (x + 5) + " " + (y + 4) + " L" + (x - 5) + " " + (y + 4)
                    + " Z\" fill=\"" + colour + "\"/>";
        };
    }

    private static int x(int index, int count, int plotWidth) {
        return count <= 1 ? LEFT + plotWidth / 2 : LEFT + 20 + (plotWidth - 40) * index / (count - 1);
    }

    /** The axis' top: the maximum rounded up to 1, 2, 2.5 or 5 × a power of ten, so the ticks read easily. */
    static BigDecimal niceCeiling(BigDecimal max) {
        double m = max.doubleValue();
        double magnitude = Math.pow(10, Math.floor(Math.log10(m)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= m) {
                return BigDecimal.valueOf(step * magnitude).stripTrailingZeros();
            }
        }
        return BigDecimal.valueOf(10 * magnitude);
    }
}
