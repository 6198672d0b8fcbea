// Test-only helper for ViewerBrowserTest: opens a viewer page in Debian's headless chromium (playwright-core, no
// browser download), waits until HiGlass has drawn its tiles, screenshots the view, and prints a JSON report:
// {"tiles": [status of every /higlass/api/v1/tiles answer], "tileIds": n, "errors": [page errors], "shot": path}.
// Usage: node viewer-shot.mjs URL SCREENSHOT.png USER_DATA_DIR [CHROMIUM]
import {chromium} from "playwright-core";
import {inflateSync} from "node:zlib";

/**
 * The share of the heatmap area (inside the 30 px label tracks) whose colour is on the heatmap's colour map
 * (white -> orange -> red -> black: blue falls first), from a screenshot: an 8-bit RGB(A) PNG as Chromium writes it.
 */
function paintedShare(png) {
    let at = 8, width = 0, height = 0, channels = 4;
    const idat = [];
    while (at < png.length) {
        const length = png.readUInt32BE(at);
        const type = png.toString("latin1", at + 4, at + 8);
        const data = png.subarray(at + 8, at + 8 + length);
        if (type === "IHDR") {
            width = data.readUInt32BE(0);
            height = data.readUInt32BE(4);
            channels = data[9] === 6 ? 4 : 3;
        } else if (type === "IDAT") {
            idat.push(data);
        }
        at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    const pixels = Buffer.alloc(height * stride);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const left = x >= channels ? pixels[y * stride + x - channels] : 0;
            const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
            const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
            let v = line[x];
            if (filter === 1) v += left;
            else if (filter === 2) v += up;
            else if (filter === 3) v += (left + up) >> 1;
            else if (filter === 4) {
                const p = left + up - upLeft, pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
                v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
            }
            pixels[y * stride + x] = v & 0xff;
        }
    }
    let painted = 0, total = 0;
    for (let y = 40; y < height - 10; y += 2) {
        for (let x = 40; x < width - 10; x += 2) {
            const i = y * stride + x * channels;
            const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            total++;
            if (b < 200 && r + g + b < 700) painted++;
        }
    }
    return total === 0 ? 0 : painted / total;
}

const [url, shot, userDataDir, executable = "/usr/bin/chromium"] = process.argv.slice(2);
if (!userDataDir) {
    console.error("usage: node viewer-shot.mjs URL SCREENSHOT.png USER_DATA_DIR [CHROMIUM]");
    process.exit(2);
}
const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: executable,
    headless: true,
    viewport: {width: 1000, height: 1000},
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
const report = {tiles: [], tileIds: 0, errors: [], info: [], shot};
let pending = 0;
let lastTile = Date.now();
try {
    const page = context.pages()[0] || await context.newPage();
    page.on("pageerror", e => report.errors.push(String(e)));
    page.on("console", m => { if (m.type() === "error") report.errors.push("console: " + m.text()); });
    page.on("request", r => {
        if (r.url().includes("/higlass/api/v1/tiles")) {
            pending++;
            report.tileIds += new URL(r.url()).searchParams.getAll("d").length;
        }
    });
    page.on("requestfailed", r => {
        if (r.url().includes("/higlass/api/v1/tiles")) { pending--; report.tiles.push(0); }
    });
    page.on("response", r => {
        const u = r.url();
        if (u.includes("/higlass/api/v1/tiles")) { pending--; lastTile = Date.now(); report.tiles.push(r.status()); }
        else if (u.includes("/higlass/") || u.includes("/vendor/") || u.includes("/webjars/")) report.info.push(r.status() + " " + u);
    });
    await page.goto(url, {waitUntil: "load", timeout: 60000});
    await page.waitForFunction(() => window.hicserveView !== undefined, null, {timeout: 60000, polling: 250});
    const deadline = Date.now() + 60000;
    // drawn: tiles asked for, all answered, and nothing new for 2 s (HiGlass debounces tile requests by 100 ms)
    while (Date.now() < deadline && (report.tiles.length === 0 || pending > 0 || Date.now() - lastTile < 2000)) {
        await page.waitForTimeout(200);
    }
    await page.waitForTimeout(1000);
    const box = await page.evaluate(() => {
        const r = document.getElementById("hg").getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height};
    });
    report.box = box;
    // drawing follows the last tile by a moment that grows with the machine's load (WebGL in software): shoot until
    // the heatmap area is painted (the test's own rule, checked again on the final shot), at most 60 s
    for (const deadline = Date.now() + 60000; ; ) {
        const png = await page.screenshot({clip: box, timeout: 60000, animations: "disabled", caret: "initial"});
        report.painted = paintedShare(png);
        if (report.painted > 0.10 || Date.now() > deadline) {
            break;
        }
        await page.waitForTimeout(1000);
    }
    await page.screenshot({path: shot, clip: box, timeout: 60000, animations: "disabled", caret: "initial"});
    report.view = await page.evaluate(() => window.hicserveView && window.hicserveView.error ? window.hicserveView.error : "ok");
} catch (e) {
    report.failure = String(e);
} finally {
    await context.close();
}
process.stdout.write(JSON.stringify(report) + "\n");
