package org.hicserve.client;

/**
 * A sparse answer as three parallel primitive arrays (coordinate format): pixel {@code i} is
 * {@code (bin1[i], bin2[i]) = count[i]}, in the order the service sent them. The arrays are the caller's (not
 * copied); the record's {@code equals} compares array identity, as for any record holding arrays.
 *
 * @param bin1 genome-wide row bin ids
 * @param bin2 genome-wide column bin ids
 * @param count values (raw counts widened to double, or normalized values)
 */
public record CooMatrix(long[] bin1, long[] bin2, double[] count) {
    /** Checks that the three arrays have one length. */
    public CooMatrix {
        if (bin1.length != bin2.length || bin1.length != count.length) {
            throw new IllegalArgumentException("arrays of different lengths: " + bin1.length + ", " + bin2.length + ", "
                    + count.length);
        }
    }

    /** Number of pixels. */
    public int size() {
        return count.length;
    }

    /** Sum of the values (compensated, so that long answers sum as exactly as doubles allow). */
    public double sum() {
        double s = 0;
        double c = 0;
        for (double v : count) {
            double y = v - c;
            double t = s + y;
            c = (t - s) - y;
            s = t;
        }
        return s;
    }
}
