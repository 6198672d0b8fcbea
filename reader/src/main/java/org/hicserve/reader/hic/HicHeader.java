package org.hicserve.reader.hic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hicserve.reader.error.UnsupportedFormatException;
import org.hicserve.reader.io.BinaryCursor;

/**
 * The header of a .hic file (offset 0): magic, version, footer position, genome id, the v9 pointer to the
 * normalization-vector index, attributes, chromosomes, resolutions and (when the file has fragment resolutions) the
 * number of restriction sites per chromosome. Immutable.
 *
 * @param chromosomes every chromosome as the file lists it, including the {@code All} pseudo-chromosome
 * @param normVectorIndexPosition v9 only (0 before v9)
 */
public record HicHeader(int version, long footerPosition, String genomeId, long normVectorIndexPosition,
        long normVectorIndexLength, Map<String, String> attributes, List<HicChromosome> chromosomes,
        List<Integer> bpResolutions, List<Integer> fragResolutions) {

    public static final int MIN_VERSION = 6;
    public static final int MAX_VERSION = 9;
    /** Longest chromosome accepted (1 Tbp): guards bin arithmetic against absurd lengths in a corrupt v9 header. */
    public static final long MAX_CHROMOSOME_LENGTH = 1L << 40;
    static final int MAX_ATTRIBUTES = 1_000_000;
    static final int MAX_CHROMOSOMES = 10_000_000;
    static final int MAX_RESOLUTIONS = 10_000;

    /**
     * One chromosome of the header.
     *
     * @param fileIndex its index in the file's list, as used in matrix keys and normalization vectors
     * @param fragmentCount number of restriction fragments (the header's nSites), or -1 when the file has none
     */
    public record HicChromosome(int fileIndex, String name, long length, long fragmentCount) {
        /** The Juicer whole-genome pseudo-chromosome (hidden from users). */
        public boolean isAll() {
            return name.equalsIgnoreCase("All");
        }
    }

    public HicHeader {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        chromosomes = List.copyOf(chromosomes);
        bpResolutions = List.copyOf(bpResolutions);
        fragResolutions = List.copyOf(fragResolutions);
    }

    /** Parses the header from a cursor at offset 0 whose limit is the file size. */
    public static HicHeader read(BinaryCursor in) {
        long fileSize = in.limit();
        byte[] magic = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (in.atEnd()) {
                throw in.malformed("magic", null, 0, "file too short to be a .hic file (" + fileSize + " bytes)");
            }
            magic[i] = in.int8("magic");
        }
        if (magic[0] != 'H' || magic[1] != 'I' || magic[2] != 'C' || magic[3] != 0) {
            throw in.malformed("magic", null, 0, "not a .hic file (expected \"HIC\\0\")");
        }
        long at = in.position();
        int version = in.int32("version");
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new UnsupportedFormatException(in.source() + ": .hic version " + version + " at offset " + at
                    + " is not supported (versions " + MIN_VERSION + " to " + MAX_VERSION + " are)");
        }
        at = in.position();
        long footerPosition = in.int64("footerPosition");
        if (footerPosition <= 0 || footerPosition >= fileSize) {
            throw in.malformed("footerPosition", footerPosition, at, "outside the file (size " + fileSize + ")");
        }
        String genomeId = in.cString("genomeId");
        long nviPosition = 0;
        long nviLength = 0;
        if (version >= 9) {
            at = in.position();
            nviPosition = in.int64("normVectorIndexPosition");
            nviLength = in.int64("normVectorIndexLength");
            if (nviPosition < 0 || nviLength < 0 || nviPosition > fileSize || nviLength > fileSize - nviPosition) {
                throw in.malformed("normVectorIndexPosition", nviPosition + " (length " + nviLength + ")", at,
                        "outside the file (size " + fileSize + ")");
            }
        }

        int nAttributes = in.int32Count("nAttributes", MAX_ATTRIBUTES, 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < nAttributes; i++) {
            String key = in.cString("attribute key");
            attributes.put(key, in.cString("attribute value"));
        }

        int lengthBytes = version >= 9 ? 8 : 4;
        int nChrs = in.int32Count("nChrs", MAX_CHROMOSOMES, 1 + lengthBytes);
        List<String> names = new ArrayList<>(nChrs);
        List<Long> lengths = new ArrayList<>(nChrs);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nChrs; i++) {
            at = in.position();
            String name = in.cString("chrName");
            if (name.isEmpty() || !seen.add(name)) {
                throw in.malformed("chrName", "'" + name + "'", at, name.isEmpty() ? "empty chromosome name"
                        : "chromosome listed twice");
            }
            at = in.position();
            long length = version >= 9 ? in.int64("chrLength") : in.int32("chrLength");
            if (length < 0 || length > MAX_CHROMOSOME_LENGTH) {
                throw in.malformed("chrLength", length, at, "chromosome " + name + " has an impossible length");
            }
            names.add(name);
            lengths.add(length);
        }

        List<Integer> bp = readResolutions(in, "nBpResolutions", "bpResolution");
        List<Integer> frag = readResolutions(in, "nFragResolutions", "fragResolution");
        long[] sites = new long[nChrs];
        java.util.Arrays.fill(sites, -1);
        if (!frag.isEmpty()) {
            for (int i = 0; i < nChrs; i++) {
                int nSites = in.int32Count("nSites", Integer.MAX_VALUE, 4);
                in.skip(4L * nSites, "sites");
                sites[i] = nSites;
            }
        }
        List<HicChromosome> chromosomes = new ArrayList<>(nChrs);
        for (int i = 0; i < nChrs; i++) {
            chromosomes.add(new HicChromosome(i, names.get(i), lengths.get(i), sites[i]));
        }
        return new HicHeader(version, footerPosition, genomeId, nviPosition, nviLength, attributes, chromosomes, bp,
                frag);
    }

    private static List<Integer> readResolutions(BinaryCursor in, String countField, String field) {
        int n = in.int32Count(countField, MAX_RESOLUTIONS, 4);
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long at = in.position();
            int r = in.int32(field);
            if (r <= 0) {
                throw in.malformed(field, r, at, "bin size must be positive");
            }
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
