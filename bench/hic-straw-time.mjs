// Times npm hic-straw 2.1.4 on one query, warm, in one node process: the .hic peer of the JMH benchmarks.
// Usage: node bench/hic-straw-time.mjs FILE NORM BINSIZE CHROM END [RUNS]
// Prints: records and the median seconds of the runs after the first (the first also warms up node's JIT).
import {createRequire} from "node:module";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const modules = path.join(here, "..", "reader", "src", "test", "node", "node_modules");
const {default: NodeLocalFile} = await import(path.join(modules, "hic-straw/src/io/nodeLocalFile.mjs"));
const {default: Straw} = await import(path.join(modules, "hic-straw/dist/hic-straw.esm.js"));

const [file, norm, binSize, chrom, end, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 6);
const region = {chr: chrom, start: 0, end: Number(end)};
const times = [];
let n = 0;
for (let i = 0; i < runs; i++) {
    // a new Straw per run: hic-straw keeps the blocks it has read in a cache, and a warm run on the same
    // instance would time cache hits, not reading. The header, footer and index are parsed again each run.
    const straw = new Straw({file: new NodeLocalFile({path: file})});
    const t0 = process.hrtime.bigint();
    const records = await straw.getContactRecords(norm, region, region, "BP", Number(binSize));
    let sum = 0;
    for (const r of records) sum += r.counts;
    n = records.length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const warm = times.slice(1).sort((a, b) => a - b);
console.log(`hic-straw\t${n}\t${warm[Math.floor(warm.length / 2)]}`);
