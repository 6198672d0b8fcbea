package org.hicserve.service.format;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.hicserve.reader.model.PixelBatch;

/**
 * A heatmap of a region for a person to look at: log-scaled, white through yellow and red to dark red (as
 * Juicebox and HiGlass colour contacts), saturating at the 99th percentile of the non-zero cells so that the
 * diagonal does not wash out the rest; each bin drawn as a square of a few pixels for small regions.
 */
public final class PngSink implements PixelSink {
    /** Colour stops from no contact to the most contacts. */
    private static final int[][] STOPS = {{255, 255, 255}, {255, 237, 160}, {254, 178, 76}, {240, 59, 32}, {128, 0, 38}};
    private static final int TARGET_SIDE = 800;

    private final OutputStream out;
    private final DenseMatrix matrix;

    public PngSink(OutputStream out, DenseMatrix matrix) {
        this.out = out;
        this.matrix = matrix;
    }

    @Override
    public void begin() {
        // the image is drawn once every pixel is in
    }

    @Override
    public void write(PixelBatch batch) {
        matrix.add(batch);
    }

    @Override
    public void finish() throws IOException {
        int rows = matrix.rowCount();
        int cols = matrix.columnCount();
        int scale = Math.max(1, Math.min(16, TARGET_SIDE / Math.max(1, Math.max(rows, cols))));
        BufferedImage image = new BufferedImage(Math.max(1, cols * scale), Math.max(1, rows * scale), BufferedImage.TYPE_INT_RGB);
        double top = Math.log1p(saturation());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = matrix.get(r, c);
                int rgb = colour(top > 0 ? Math.min(1.0, Math.log1p(Math.max(0, v)) / top) : 0);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        ImageIO.write(image, "png", out);
        out.flush();
    }

    private double saturation() {
        double[] nonZero = Arrays.stream(matrix.cells()).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (nonZero.length == 0) {
            return 0;
        }
        Arrays.sort(nonZero);
        return nonZero[(int) Math.min(nonZero.length - 1, Math.floor(0.99 * (nonZero.length - 1)))];
    }

    static int colour(double t) {
        double x = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        int red = (int) Math.round(a[0] + (b[0] - a[0]) * f);
        int green = (int) Math.round(a[1] + (b[1] - a[1]) * f);
        int blue = (int) Math.round(a[2] + (b[2] - a[2]) * f);
        return (red << 16) | (green << 8) | blue;
    }

    @Override
    public void close() {
        // nothing held
    }
}
