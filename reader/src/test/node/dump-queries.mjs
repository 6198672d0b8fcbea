// Test-only helper for CoolerToHicStrawTest: runs many hic-straw queries on one .hic file in one process.
// Usage: node dump-queries.mjs FILE < queries, one query a line: "NORM BINSIZE CHR1 START1 END1 CHR2 START2 END2".
// Output: per query a line "# <query line>", then one line per record "bin1<TAB>bin2<TAB>value" as hic-straw 2.1.4
// returns them (bin indices in the stored orientation), value in JavaScript's shortest round-trip form.
import NodeLocalFile from "hic-straw/src/io/nodeLocalFile.mjs";
import Straw from "hic-straw/dist/hic-straw.esm.js";
import {createInterface} from "node:readline";

const [file] = process.argv.slice(2);
if (file === undefined) {
    console.error("usage: node dump-queries.mjs FILE < queries");
    process.exit(2);
}
const straw = new Straw({file: new NodeLocalFile({path: file})});
const out = [];
for await (const line of createInterface({input: process.stdin})) {
    if (!line.trim()) continue;
    const [norm, binSize, chr1, s1, e1, chr2, s2, e2] = line.trim().split(/\s+/);
    const records = await straw.getContactRecords(norm,
        {chr: chr1, start: Number(s1), end: Number(e1)},
        {chr: chr2, start: Number(s2), end: Number(e2)},
        "BP", Number(binSize));
    out.push(`# ${line.trim()}`);
    for (const r of records) out.push(`${r.bin1}\t${r.bin2}\t${r.counts}`);
    if (out.length > 100000) {
        process.stdout.write(out.join("\n") + "\n");
        out.length = 0;
    }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
