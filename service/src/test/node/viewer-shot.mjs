// Test-only helper for ViewerBrowserTest: opens a viewer page in Debian's headless chromium (playwright-core, no
// browser download), waits until HiGlass has drawn its tiles, screenshots the view, and prints a JSON report:
// {"tiles": [status of every /higlass/api/v1/tiles answer], "tileIds": n, "errors": [page errors], "shot": path}.
// Usage: node viewer-shot.mjs URL SCREENSHOT.png USER_DATA_DIR [CHROMIUM]
import {chromium} from "playwright-core";

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
    await page.screenshot({path: shot, clip: box, timeout: 60000, animations: "disabled", caret: "initial"});
    report.view = await page.evaluate(() => window.hicserveView && window.hicserveView.error ? window.hicserveView.error : "ok");
} catch (e) {
    report.failure = String(e);
} finally {
    await context.close();
}
process.stdout.write(JSON.stringify(report) + "\n");
