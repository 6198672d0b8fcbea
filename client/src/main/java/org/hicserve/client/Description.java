package org.hicserve.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link HicClient#describe(String)} says about one file (API.md {@code describe}). Immutable.
 *
 * @param name the file, as asked
 * @param format {@code cool}, {@code mcool} or {@code hic}
 * @param formatVersion the format's version as the file states it (e.g. {@code 3} for cooler, {@code 9} for .hic)
 * @param assembly the genome assembly the file names (may be empty or {@code unknown})
 * @param resolutions available bin sizes, ascending
 * @param chromosomes chromosomes in file order (without the .hic {@code All} pseudo-chromosome)
 * @param normalizations names usable as {@link Query#normalization(String)}; always contains {@code NONE}
 * @param normalizationsByResolution the normalizations stored at each resolution (empty when the service does not
 *     say)
 * @param countType {@code int32} or {@code float64}: the type of raw counts in the file (empty when the service
 *     does not say)
 */
public record Description(String name, String format, String formatVersion, String assembly, List<Integer> resolutions,
        List<Chromosome> chromosomes, List<String> normalizations, Map<Integer, List<String>> normalizationsByResolution,
        String countType) {

    /** Copies the lists and the map (the record is immutable). */
    public Description {
        resolutions = List.copyOf(resolutions);
        chromosomes = List.copyOf(chromosomes);
        normalizations = List.copyOf(normalizations);
        normalizationsByResolution = Map.copyOf(normalizationsByResolution);
    }

    /** The chromosome of that name, if the file has it. */
    public Optional<Chromosome> chromosome(String chromosomeName) {
        return chromosomes.stream().filter(c -> c.name().equals(chromosomeName)).findFirst();
    }

    /**
     * The genome-wide id of the first bin of a chromosome at a fixed bin size: the bins of all earlier
     * chromosomes, {@code ceil(length / resolution)} each (the ids the service answers in {@code bin1_id}).
     */
    public long firstBinId(String chromosomeName, int resolution) {
        long offset = 0;
        for (Chromosome c : chromosomes) {
            if (c.name().equals(chromosomeName)) {
                return offset;
            }
            offset += c.binCount(resolution);
        }
        throw new IllegalArgumentException("no chromosome '" + chromosomeName + "' in " + name + "; it has "
                + chromosomes.stream().map(Chromosome::name).toList());
    }
}
