// Test-only helper for HicStrawCrossCheckTest: dumps every record hic-straw returns for one query as TSV.
// Usage: node dump-records.mjs FILE NORM UNIT BINSIZE CHR1 START1 END1 CHR2 START2 END2
// Output: one line per record, "bin1<TAB>bin2<TAB>value", bin1/bin2 as hic-straw 2.1.4 returns them
// (bin indices in the stored orientation), value in JavaScript's shortest round-trip form.
import NodeLocalFile from "hic-straw/src/io/nodeLocalFile.mjs";
import Straw from "hic-straw/dist/hic-straw.esm.js";

const [file, norm, unit, binSize, chr1, s1, e1, chr2, s2, e2] = process.argv.slice(2);
if (e2 === undefined) {
    console.error("usage: node dump-records.mjs FILE NORM UNIT BINSIZE CHR1 START1 END1 CHR2 START2 END2");
    process.exit(2);
}
const straw = new Straw({file: new NodeLocalFile({path: file})});
const records = await straw.getContactRecords(norm,
    {chr: chr1, start: Number(s1), end: Number(e1)},
    {chr: chr2, start: Number(s2), end: Number(e2)},
    unit, Number(binSize));
const lines = records.map(r => `${r.bin1}\t${r.bin2}\t${r.counts}`);
process.stdout.write(lines.join("\n") + (lines.length ? "\n" : ""));
