package org.hicserve.service.expected;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.hicserve.reader.expected.DiagonalRows;

/**
 * The P(s) curve of the chosen chromosomes for a person to look at: expected contact frequency (balanced average
 * when normalized, else the raw average) against distance in bp, both on log10 axes, one coloured line per
 * chromosome (diagonal 0 has no place on a log axis and is left out; so are diagonals with nothing). Headless AWT.
 */
final class PsCurvePlot {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
    /** Legend lines beyond this are summarised. */
    private static final int LEGEND_MAX = 24;

    private PsCurvePlot() {
    }

    static void write(ExpectedService.Answer a, OutputStream out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean norm = a.normalized();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (DiagonalRows r : a.rows()) {
            for (int d = 1; d < r.size(); d++) {
                double y = ExpectedColumns.average(r, d, norm);
                if (y > 0 && Double.isFinite(y)) {
                    double x = Math.log10((double) d * a.resolution());
                    double ly = Math.log10(y);
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                    yMin = Math.min(yMin, ly);
                    yMax = Math.max(yMax, ly);
                }
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            String title = a.file() + " @ " + a.resolution() + " bp, " + (norm ? a.normalization() : "raw counts");
            g.drawString(title, LEFT, TOP - 22);
            if (!(xMax >= xMin)) {
                g.drawString("no diagonal with contacts", LEFT, HEIGHT / 2);
            } else {
                xMin = Math.floor(xMin);
                xMax = Math.max(xMin + 1, Math.ceil(xMax));
                yMin = Math.floor(yMin);
                yMax = Math.max(yMin + 1, Math.ceil(yMax));
                axes(g, xMin, xMax, yMin, yMax);
                int i = 0;
                for (DiagonalRows r : a.rows()) {
                    Color c = PALETTE[i % PALETTE.length];
                    g.setColor(c);
                    g.setStroke(new BasicStroke(1.5f));
                    Path2D.Double line = new Path2D.Double();
                    boolean started = false;
                    for (int d = 1; d < r.size(); d++) {
                        double y = ExpectedColumns.average(r, d, norm);
                        if (!(y > 0 && Double.isFinite(y))) {
                            started = false; // a gap, not a line through it
                            continue;
                        }
                        double px = sx(Math.log10((double) d * a.resolution()), xMin, xMax);
                        double py = sy(Math.log10(y), yMin, yMax);
                        if (started) {
                            line.lineTo(px, py);
                        } else {
                            line.moveTo(px, py);
                            started = true;
                        }
                    }
                    g.draw(line);
                    if (i < LEGEND_MAX) {
                        int ly = TOP + 10 + 18 * i;
                        g.drawLine(WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 40, ly);
                        g.setColor(Color.BLACK);
                        g.drawString(r.chromosome().name(), WIDTH - RIGHT + 45, ly + 4);
                    } else if (i == LEGEND_MAX) {
                        g.setColor(Color.BLACK);
                        g.drawString("... " + (a.rows().size() - LEGEND_MAX) + " more", WIDTH - RIGHT + 15,
                                TOP + 14 + 18 * i);
                    }
                    i++;
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
        out.flush();
    }

    private static void axes(Graphics2D g, double xMin, double xMax, double yMin, double yMax) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        g.setColor(Color.BLACK);
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
        for (int e = (int) xMin; e <= (int) xMax; e++) {
            int px = (int) Math.round(sx(e, xMin, xMax));
            g.drawLine(px, y0, px, y0 + 5);
            g.drawString("1e" + e, px - 10, y0 + 20);
        }
        for (int e = (int) yMin; e <= (int) yMax; e++) {
            int py = (int) Math.round(sy(e, yMin, yMax));
            g.drawLine(x0 - 5, py, x0, py);
            g.drawString("1e" + e, x0 - 45, py + 4);
        }
        g.drawString("distance (bp)", (x0 + x1) / 2 - 40, HEIGHT - 15);
        g.drawString("contact frequency", 5, TOP - 2);
    }

    private static double sx(double x, double min, double max) {
        return LEFT + (x - min) / (max - min) * (WIDTH - LEFT - RIGHT);
    }

    private static double sy(double y, double min, double max) {
        return HEIGHT - BOTTOM - (y - min) / (max - min) * (HEIGHT - TOP - BOTTOM);
    }
}
