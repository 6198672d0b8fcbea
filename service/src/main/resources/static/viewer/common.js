// Shared by the viewer pages: the optional access token (kept in this tab's sessionStorage) and the tileset uid
// of a file, computed as the server does (unpadded URL-safe base64 of the file name: reversible and dot-free).
const hicserve = {
  token() {
    return sessionStorage.getItem("hicserve.token") || "";
  },
  setToken(t) {
    if (t) sessionStorage.setItem("hicserve.token", t); else sessionStorage.removeItem("hicserve.token");
  },
  headers() {
    const t = hicserve.token();
    return t ? {"Authorization": "Bearer " + t} : {};
  },
  uid(file) {
    const bytes = new TextEncoder().encode(file);
    let s = "";
    bytes.forEach(b => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  async json(url) {
    const r = await fetch(url, {headers: hicserve.headers()});
    const body = await r.text();
    if (!r.ok) {
      let msg = body;
      try { msg = JSON.parse(body).message || body; } catch (e) { /* not JSON */ }
      throw new Error(r.status + ": " + msg);
    }
    return JSON.parse(body);
  },
  higlassServer() {
    return window.location.origin + "/higlass/api/v1";
  },
  param(name) {
    return new URLSearchParams(window.location.search).get(name);
  },
};
