// The HiGlass view of one file: a heatmap of the file's tiles (/higlass/api/v1) with chromosome labels and grid,
// and a selector of the normalizations the file has at every resolution (the tileset's transforms).
(async function () {
  const file = hicserve.param("file");
  const status = document.getElementById("status");
  const fail = (msg) => {
    document.getElementById("error").textContent = msg;
    status.textContent = "";
    window.hicserveView = {error: msg};
  };
  if (!file) {
    fail("No file given: open this page as /view?file=NAME (see the list on /).");
    return;
  }
  document.getElementById("file").textContent = file;
  const server = hicserve.higlassServer();
  const uid = hicserve.uid(file);
  let info;
  try {
    info = (await hicserve.json(server + "/tileset_info/?d=" + uid))[uid];
  } catch (e) {
    fail("Cannot open " + file + ": " + e.message);
    return;
  }
  const transforms = info.transforms || [];
  const preferred = ["weight", "SCALE", "KR", "VC"].find(v => transforms.some(t => t.value === v));
  const norm = hicserve.param("norm") || preferred || "None";
  const select = document.getElementById("norm");
  for (const t of [...transforms, {name: "none (raw counts)", value: "None"}]) {
    const o = document.createElement("option");
    o.value = t.value;
    o.textContent = t.name === t.value ? t.name : t.name + " (" + t.value + ")";
    o.selected = t.value === norm;
    select.append(o);
  }
  select.onchange = () => {
    const q = new URLSearchParams(window.location.search);
    q.set("norm", select.value);
    window.location.search = q.toString();
  };
  const links = document.getElementById("links");
  const raw = "/api/v1/raw/" + file.split("/").map(encodeURIComponent).join("/");
  if (file.toLowerCase().endsWith(".hic")) {
    const jb = document.createElement("a");
    // juicebox.js opens on the whole genome, where .hic files keep no normalization: let it choose
    jb.href = "/juicebox?file=" + encodeURIComponent(file);
    jb.textContent = "open in juicebox.js";
    links.append(jb, " ");
  }
  const dl = document.createElement("a");
  dl.href = raw;
  dl.textContent = "raw file";
  links.append(dl);

  const genome = info.max_pos[0];
  const common = {server: server, tilesetUid: uid};
  const viewConfig = {
    editable: false,
    zoomFixed: false,
    trackSourceServers: [server],
    exportViewUrl: null,
    views: [{
      uid: "main",
      layout: {w: 12, h: 12, x: 0, y: 0},
      initialXDomain: [0, genome],
      initialYDomain: [0, genome],
      tracks: {
        top: [{...common, uid: "top-labels", type: "horizontal-chromosome-labels", height: 30,
          options: {color: "#444", fontSize: 12}}],
        left: [{...common, uid: "left-labels", type: "vertical-chromosome-labels", width: 30,
          options: {color: "#444", fontSize: 12}}],
        center: [{
          uid: "center", type: "combined", contents: [
            {...common, uid: "heatmap", type: "heatmap",
              options: {dataTransform: norm, maxZoom: null, heatmapValueScaling: "log",
                colorRange: ["white", "rgba(245,166,35,1.0)", "rgba(208,2,27,1.0)", "black"],
                colorbarPosition: "topRight", labelPosition: "bottomRight", name: file}},
            {...common, uid: "grid", type: "2d-chromosome-grid", options: {lineStrokeColor: "grey", lineStrokeWidth: 1}},
          ],
        }],
      },
    }],
  };
  try {
    const api = hglib.viewer(document.getElementById("hg"), viewConfig, {bounded: true});
    const token = hicserve.token();
    if (token) api.setAuthHeader("Bearer " + token);
    status.textContent = info.resolutions.length + " resolutions, " + info.chromsizes.length + " chromosomes";
    window.hicserveView = {api: api, uid: uid, norm: norm};
  } catch (e) {
    fail("HiGlass failed: " + e.message);
  }
})();
