package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Queries are immutable values with the API's parameter names; the small helpers of the client. */
class QueryTest {
    @Test
    void queriesAreImmutableAndEncodeTheApiParameters() {
        Query base = Query.of("dir/x y.mcool").resolution(10_000);
        Query q = base.range1("chr1:0-5,000,000").range2("chr2").normalization("KR").join(true).querySpan("full")
                .diagonalBandWidth(10);
        assertThat(base.range1()).isEmpty();
        assertThat(base.join()).isFalse();
        assertThat(q.toQueryString()).isEqualTo("file=dir%2Fx%20y.mcool&resolution=10000&range1=chr1%3A0-5%2C000%2C000"
                + "&range2=chr2&normalization=KR&join=true&query_span=full&diagonal_band_width=10");
        assertThat(q.querySpan()).isEqualTo(QuerySpan.FULL);
        assertThat(q.diagonalBandWidth()).hasValue(10);
        assertThat(q).isEqualTo(base.range1("chr1:0-5,000,000").range2("chr2").normalization("KR").join(true)
                .querySpan(QuerySpan.FULL).diagonalBandWidth(10)).isNotEqualTo(base);
        assertThat(Query.of("a.cool").range1("chr1").toQueryString()).isEqualTo("file=a.cool&range1=chr1");
        CisQuery c = CisQuery.of("a.hic").resolution(5000).chromosomes("chr1", "chr2").normalization("VC");
        assertThat(c.toQueryString()).isEqualTo("file=a.hic&resolution=5000&chromosomes=chr1%2Cchr2&normalization=VC");
        assertThat(c.join(true).chromosomes()).containsExactly("chr1", "chr2");
        assertThat(c.join()).isFalse();
    }

    @Test
    void badValuesAreRefusedWhenSet() {
        assertThatThrownBy(() -> Query.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.of("a").resolution(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.of("a").diagonalBandWidth(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.of("a").querySpan("lower")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CisQuery.of("a").chromosomes("chr1,chr2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HicClient.builder().baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HicClient.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void regionsSelectEveryOverlappingBinClippedToTheChromosome() {
        Description d = new Description("f", "cool", "3", "", List.of(1000),
                List.of(new Chromosome("chr1", 10_500), new Chromosome("HLA:1", 2000), new Chromosome("chr2", 5000)),
                List.of("NONE"), java.util.Map.of(), "int32");
        assertThat(RegionBins.of(d, 1000, "chr1")).hasValue(new RegionBins(0, 11));
        assertThat(RegionBins.of(d, 1000, "chr1:1,500-2,001")).hasValue(new RegionBins(1, 2));
        assertThat(RegionBins.of(d, 1000, "chr1:10,000-10,500")).hasValue(new RegionBins(10, 1));
        assertThat(RegionBins.of(d, 1000, "HLA:1")).hasValue(new RegionBins(11, 2));
        assertThat(RegionBins.of(d, 1000, "HLA:1:0-1000")).hasValue(new RegionBins(11, 1));
        assertThat(RegionBins.of(d, 1000, "chr2:1k-2kb")).hasValue(new RegionBins(14, 1));
        assertThat(RegionBins.of(d, 1000, "chr3")).isEmpty();
        assertThat(RegionBins.of(d, 1000, "chr1:500-100")).isEmpty();
        assertThat(RegionBins.of(d, 1000, "chr1:0-99999")).isEmpty();
        assertThat(RegionBins.position("1.5M")).isEqualTo(Optional.of(1_500_000L));
    }

    @Test
    void theEndMarkerIsCheckedOnTheLastBytes() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, -1, -1, -1, -1, 0, 0, 0, 0};
        for (int chunk : new int[] {1, 3, 8, 64}) {
            try (EndMarkerInputStream in = new EndMarkerInputStream(new ByteArrayInputStream(data))) {
                byte[] buf = new byte[chunk];
                while (in.read(buf, 0, chunk) >= 0) {
                    // read to the end
                }
                assertThat(in.bytesRead()).isEqualTo(data.length);
                assertThat(in.endedWithMarker()).as("chunk " + chunk).isTrue();
            }
        }
        try (EndMarkerInputStream in = new EndMarkerInputStream(new ByteArrayInputStream(data, 0, data.length - 1))) {
            in.readAllBytes();
            assertThat(in.endedWithMarker()).isFalse();
        }
        try (EndMarkerInputStream in = new EndMarkerInputStream(new ByteArrayInputStream(data, 5, 8))) {
            while (in.read() >= 0) {
                // byte by byte
            }
            assertThat(in.endedWithMarker()).isTrue();
        }
    }
}
