package org.hicserve.client;

import java.util.ArrayList;
import java.util.List;

/** Reads the TSV of {@code /api/v1/expected} by column name (raw tables have no balanced columns). Stateless. */
final class ExpectedTsv {
    private ExpectedTsv() {
    }

    static List<ExpectedRow> parse(String text, String what) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new HicServeTransportException("empty answer to " + what, null);
        }
        List<String> header = List.of(lines[0].strip().split("\t"));
        int chrom = column(header, "chrom", what);
        int dist = column(header, "dist", what);
        int distBp = column(header, "dist_bp", what);
        int nValid = column(header, "n_valid", what);
        int countSum = column(header, "count_sum", what);
        int countAvg = column(header, "count_avg", what);
        int balancedSum = header.indexOf("balanced_sum");
        int balancedAvg = header.indexOf("balanced_avg");
        List<ExpectedRow> rows = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (f.length != header.size()) {
                throw new HicServeTransportException("malformed line " + (i + 1) + " in the answer to " + what, null);
            }
            rows.add(new ExpectedRow(f[chrom], Long.parseLong(f[dist]), Long.parseLong(f[distBp]),
                    Long.parseLong(f[nValid]), Double.parseDouble(f[countSum]), Double.parseDouble(f[countAvg]),
                    balancedSum < 0 ? Double.NaN : Double.parseDouble(f[balancedSum]),
                    balancedAvg < 0 ? Double.NaN : Double.parseDouble(f[balancedAvg])));
        }
        return rows;
    }

    private static int column(List<String> header, String name, String what) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new HicServeTransportException("the answer to " + what + " has no column " + name, null);
        }
        return i;
    }
}
