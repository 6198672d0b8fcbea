// Test-only helper for RawFileHttpTest: hic-straw 2.1.4 opens a .hic by URL (its RemoteFile: Range requests with
// fetch, as juicebox.js does) and prints the pixel count and sum of one query.
// Usage: node straw-raw.mjs URL NORM BINSIZE CHR END  ->  "<pixels>\t<sum>\t<requests>"
import RemoteFile from "hic-straw/src/io/remoteFile.js";
import Straw from "hic-straw/dist/hic-straw.esm.js";

const [url, norm, binSize, chr, end] = process.argv.slice(2);
if (end === undefined) {
    console.error("usage: node straw-raw.mjs URL NORM BINSIZE CHR END");
    process.exit(2);
}
let requests = 0;
const remote = new RemoteFile({url});
const counting = {read: (position, length) => { requests++; return remote.read(position, length); }};
const straw = new Straw({file: counting});
const records = await straw.getContactRecords(norm, {chr, start: 0, end: Number(end)},
    {chr, start: 0, end: Number(end)}, "BP", Number(binSize));
let sum = 0;
for (const r of records) sum += r.counts;
process.stdout.write(`${records.length}\t${sum}\t${requests}\n`);
