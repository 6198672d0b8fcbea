package org.hicserve.spark;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.hicserve.reader.model.Chromosome;

/**
 * What the pushed-down predicates say about the pixels a query wants, turned into what the planner can use: which
 * files and chromosomes, whether only cis pairs ({@code chrom1 = chrom2}), and a window in bp on each side, so that a
 * partition becomes a region query that reads only the blocks or chunks of that region.
 *
 * <p>The filter only ever narrows to a superset of the matching pixels: a predicate it does not understand (an
 * {@code OR}, a function, a filter on {@code count}) narrows nothing, and Spark evaluates it again on the rows
 * returned, as it does the coordinate bounds, so answers are exact whatever was understood here. Only predicates that
 * hold for every row of the planned partitions ({@link #isExact}: names of files and chromosomes, {@code chrom1 =
 * chrom2}) are not evaluated again: comparing two strings per row was the largest cost of a whole-genome cis scan. Coordinates follow the bins' overlap rule:
 * {@code end1 > a AND start1 < b} keeps the bins that overlap {@code [a, b)}, which is the reader's region query.
 */
final class RegionFilter implements Serializable {
    private Set<String> files;   // null: any
    private Set<String> chroms1; // null: any
    private Set<String> chroms2;
    private boolean cisOnly;
    private long lo1 = 0;
    private long hi1 = Long.MAX_VALUE; // bins of side 1 overlap [lo1, hi1)
    private long lo2 = 0;
    private long hi2 = Long.MAX_VALUE;

    /** True when the predicate narrowed something (it is still evaluated by Spark afterwards). */
    boolean add(Predicate p) {
        return switch (p.name()) {
            case "AND" -> add((Predicate) p.children()[0]) | add((Predicate) p.children()[1]);
            case "=", "<=>" -> equality(p.children()[0], p.children()[1]);
            case "IN" -> in(p.children());
            case "<", "<=", ">", ">=" -> comparison(p.name(), p.children()[0], p.children()[1]);
            default -> false;
        };
    }

    private boolean equality(Expression a, Expression b) {
        String ca = column(a);
        String cb = column(b);
        if (ca != null && cb != null) {
            if (Set.of(ca, cb).equals(Set.of(PixelSchema.CHROM1, PixelSchema.CHROM2))) {
                cisOnly = true;
                return true;
            }
            return false;
        }
        if (ca == null) {
            return equality(b, a);
        }
        if (!(b instanceof Literal<?> lit) || lit.value() == null) {
            return false;
        }
        switch (ca) {
            case PixelSchema.FILE, PixelSchema.CHROM1, PixelSchema.CHROM2 -> {
                return restrictNames(ca, Set.of(lit.value().toString()));
            }
            default -> {
                Long v = integral(lit);
                return v != null && (comparison(">=", a, b) | comparison("<=", a, b));
            }
        }
    }

    private boolean in(Expression[] children) {
        String c = column(children[0]);
        if (c == null || !(c.equals(PixelSchema.FILE) || c.equals(PixelSchema.CHROM1) || c.equals(PixelSchema.CHROM2))) {
            return false;
        }
        Set<String> names = new HashSet<>();
        for (int i = 1; i < children.length; i++) {
            if (!(children[i] instanceof Literal<?> lit)) {
                return false;
            }
            if (lit.value() != null) {
                names.add(lit.value().toString());
            }
        }
        return restrictNames(c, names);
    }

    private boolean restrictNames(String column, Set<String> names) {
        switch (column) {
            case PixelSchema.FILE -> files = intersect(files, names);
            case PixelSchema.CHROM1 -> chroms1 = intersect(chroms1, names);
            default -> chroms2 = intersect(chroms2, names);
        }
        return true;
    }

    private static Set<String> intersect(Set<String> current, Set<String> names) {
        Set<String> out = new HashSet<>(names);
        if (current != null) {
            out.retainAll(current);
        }
        return out;
    }

    /** {@code column op literal} (or {@code literal op column}) on a coordinate column. */
    private boolean comparison(String op, Expression a, Expression b) {
        String c = column(a);
        if (c == null) {
            String flipped = switch (op) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                default -> "<=";
            };
            return column(b) != null && comparison(flipped, b, a);
        }
        if (!(b instanceof Literal<?> lit)) {
            return false;
        }
        Long v = integral(lit);
        if (v == null) {
            return false;
        }
        boolean side1 = c.equals(PixelSchema.START1) || c.equals(PixelSchema.END1);
        boolean isStart = c.equals(PixelSchema.START1) || c.equals(PixelSchema.START2);
        if (!side1 && !c.equals(PixelSchema.START2) && !c.equals(PixelSchema.END2)) {
            return false;
        }
        // a bin [s, e) with s < e: each bound on s or e becomes "the bin overlaps [lo, hi)"
        long lo = 0;
        long hi = Long.MAX_VALUE;
        long x = v;
        switch (op) {
            case ">" -> lo = isStart ? sat(x + 1) : x;          // s > x: overlaps [x+1, inf); e > x: overlaps [x, inf)
            case ">=" -> lo = isStart ? x : x - 1;              // e >= x: e > x - 1
            case "<" -> hi = x;                                 // s < x, or e < x (so s < x)
            case "<=" -> hi = isStart ? sat(x + 1) : x;         // s <= x: s < x + 1; e <= x: s < x
            default -> {
                return false;
            }
        }
        if (side1) {
            lo1 = Math.max(lo1, lo);
            hi1 = Math.min(hi1, hi);
        } else {
            lo2 = Math.max(lo2, lo);
            hi2 = Math.min(hi2, hi);
        }
        return true;
    }

    /**
     * Whether a predicate holds for every row of the partitions planned once it is added: equality and {@code IN} on
     * {@code file}, {@code chrom1}, {@code chrom2} (constant within a region), {@code chrom1 = chrom2}, and
     * conjunctions of those. Coordinate bounds are not exact (a bin that starts before {@code a} overlaps
     * {@code [a, b)} without satisfying {@code start1 >= a}).
     */
    static boolean isExact(Predicate p) {
        Expression[] c = p.children();
        return switch (p.name()) {
            case "AND" -> isExact((Predicate) c[0]) && isExact((Predicate) c[1]);
            case "=" -> {
                String a = column(c[0]);
                String b = column(c[1]);
                if (a != null && b != null) {
                    yield Set.of(a, b).equals(Set.of(PixelSchema.CHROM1, PixelSchema.CHROM2));
                }
                String col = a != null ? a : b;
                Expression other = a != null ? c[1] : c[0];
                yield isName(col) && other instanceof Literal<?> lit && lit.value() != null;
            }
            case "IN" -> {
                if (!isName(column(c[0]))) {
                    yield false;
                }
                for (int i = 1; i < c.length; i++) {
                    if (!(c[i] instanceof Literal<?>)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    private static boolean isName(String column) {
        return PixelSchema.FILE.equals(column) || PixelSchema.CHROM1.equals(column) || PixelSchema.CHROM2.equals(column);
    }

    private static long sat(long v) {
        return v < 0 ? Long.MAX_VALUE : v;
    }

    private static String column(Expression e) {
        if (e instanceof NamedReference r && r.fieldNames().length == 1) {
            return r.fieldNames()[0].toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static Long integral(Literal<?> lit) {
        Object v = lit.value();
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return null;
    }

    boolean allowsFile(String file) {
        return files == null || files.contains(file);
    }

    boolean allowsPair(Chromosome c1, Chromosome c2) {
        return (!cisOnly || c1.id() == c2.id())
                && (chroms1 == null || chroms1.contains(c1.name()))
                && (chroms2 == null || chroms2.contains(c2.name()));
    }

    /** Side 1's window on a chromosome, clamped to it: {@code [start, end)}, or null when nothing can match. */
    long[] window1(Chromosome c) {
        return clamp(lo1, hi1, c);
    }

    long[] window2(Chromosome c) {
        return clamp(lo2, hi2, c);
    }

    private static long[] clamp(long lo, long hi, Chromosome c) {
        long a = Math.max(0, lo);
        long b = Math.min(hi, c.length());
        return a < b ? new long[] {a, b} : null;
    }

    @Override
    public String toString() {
        return "RegionFilter[files=" + files + ", chrom1=" + chroms1 + ", chrom2=" + chroms2 + ", cis=" + cisOnly
                + ", side1=[" + lo1 + "," + (hi1 == Long.MAX_VALUE ? "end" : hi1) + "), side2=[" + lo2 + ","
                + (hi2 == Long.MAX_VALUE ? "end" : hi2) + ")]";
    }
}
