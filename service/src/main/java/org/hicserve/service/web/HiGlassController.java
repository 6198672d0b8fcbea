package org.hicserve.service.web;

import org.hicserve.service.error.ServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.service.auth.Access;
import org.hicserve.service.tiles.TileId;
import org.hicserve.service.tiles.TileService;
import org.hicserve.service.tiles.TilesetUid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The part of higlass-server's API the HiGlass client calls, under {@code /higlass/api/v1/} (a HiGlass track's
 * {@code server}): {@code tilesets/}, {@code tileset_info/}, {@code tiles/} (GET and POST) and {@code chrom-sizes/},
 * over every servable .cool, .mcool and .hic file. Paths answer with and without their trailing slash.
 */
@RestController
@RequestMapping("/higlass/api/v1")
class HiGlassController {
    private final TileService tiles;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    private final ViewerAccess viewers;

    HiGlassController(TileService tiles, com.fasterxml.jackson.databind.ObjectMapper json, ViewerAccess viewers) {
        this.tiles = tiles;
        this.viewers = viewers;
        this.json = json;
    }

    @GetMapping(path = {"/tilesets", "/tilesets/"}, produces = "application/json")
    Map<String, Object> tilesets(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset, @RequestParam(name = "dt", required = false) List<String> datatypes,
            @RequestParam(name = "t", required = false) List<String> filetypes, HttpServletRequest request,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        Access caller = viewers.of(access);
        int lim = limit == null ? 100 : limit;
        int off = offset == null ? 0 : offset;
        if (lim < 1 || off < 0) {
            throw ServiceException.badRequest("invalid_parameter", "limit must be >= 1 and offset >= 0");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        boolean matrix = datatypes == null || datatypes.isEmpty() || datatypes.contains("matrix");
        for (TileService.Tileset t : matrix ? tiles.tilesets(caller) : List.<TileService.Tileset>of()) {
            if (filetypes != null && !filetypes.isEmpty() && !filetypes.contains(t.filetype())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", t.uuid());
            m.put("name", t.name());
            m.put("datatype", "matrix");
            m.put("filetype", t.filetype());
            m.put("coordSystem", "");
            m.put("coordSystem2", "");
            m.put("description", "");
            m.put("private", false);
            all.add(m);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", all.size());
        String self = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .query(request.getQueryString()).build().toUriString();
        page.put("next", off + lim < all.size()
                ? UriComponentsBuilder.fromUriString(self).replaceQueryParam("offset", off + lim).replaceQueryParam("limit", lim).toUriString() : null);
        page.put("previous", off > 0
                ? UriComponentsBuilder.fromUriString(self).replaceQueryParam("offset", Math.max(0, off - lim)).replaceQueryParam("limit", lim).toUriString() : null);
        page.put("results", all.subList(Math.min(off, all.size()), (int) Math.min((long) off + lim, all.size())));
        return page;
    }

    @GetMapping(path = {"/tileset_info", "/tileset_info/"}, produces = "application/json")
    Map<String, Object> tilesetInfo(@RequestParam(name = "d", required = false) List<String> uids,
            HttpServletRequest request,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        if (uids == null || uids.isEmpty()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'd' (a tileset uid) is required");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String uid : uids) {
            out.put(uid, tiles.info(uid(uid), viewers.of(access)));
        }
        return out;
    }

    @GetMapping(path = {"/tiles", "/tiles/"}, produces = "application/json")
    ResponseEntity<StreamingResponseBody> tilesGet(@RequestParam(name = "d", required = false) List<String> ids,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletRequest request,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        List<TileId> parsed = parse(ids == null ? List.of() : ids);
        Set<String> uids = new LinkedHashSet<>();
        parsed.forEach(t -> uids.add(uid(t.uid())));
        // the files' identity and the ids asked for: the same request on unchanged files answers the same bytes
        String etag = tiles.etag(uids, viewers.of(access)).replace("\"", "") + "-" + Integer.toHexString(String.join(",", ids == null ? List.of() : ids).hashCode());
        etag = "\"" + etag + "\"";
        CacheControl cache = CacheControl.maxAge(300, TimeUnit.SECONDS).cachePrivate();
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                .body(stream(parsed, viewers.of(access)));
    }

    /** The POST form: {@code [{"tilesetUid": U, "tileIds": ["z.x.y", ...], "options": {...}}]}. */
    @PostMapping(path = {"/tiles", "/tiles/"}, produces = "application/json")
    ResponseEntity<StreamingResponseBody> tilesPost(@RequestBody(required = false) JsonNode body, HttpServletRequest request,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        if (body == null || !body.isArray()) {
            throw ServiceException.badRequest("invalid_parameter", "the body must be a JSON list of {tilesetUid, tileIds}");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body) {
            String uid = item.path("tilesetUid").asText("");
            JsonNode tileIds = item.path("tileIds");
            if (uid.isEmpty() || !tileIds.isArray()) {
                throw ServiceException.badRequest("invalid_parameter", "each item needs tilesetUid and a list tileIds");
            }
            for (JsonNode t : tileIds) {
                String id = t.asText();
                ids.add(id.startsWith(uid + ".") ? id : uid + "." + id);
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stream(parse(ids), viewers.of(access)));
    }

    /**
     * The tiles as one JSON object written tile by tile (a request of 1,000 tiles never sits in memory). The files
     * are resolved first, so a refusal is still a JSON error with its status.
     */
    private StreamingResponseBody stream(List<TileId> ids, Access access) {
        Map<String, Object> first = new LinkedHashMap<>();
        // resolve every file now, in the request thread: refusals become error answers, not broken streams
        for (TileId id : ids) {
            first.computeIfAbsent(uid(id.uid()), u -> tiles.view(u, access));
        }
        return out -> {
            try (com.fasterxml.jackson.core.JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartObject();
                tiles.tiles(ids, access, (id, tile) -> {
                    g.writeFieldName(id);
                    g.writeObject(tile);
                });
                g.writeEndObject();
            } catch (RuntimeException e) {
                throw new StreamAbortedException("tiles aborted after the first byte: " + e);
            }
        };
    }

    @GetMapping(path = {"/chrom-sizes", "/chrom-sizes/"})
    ResponseEntity<?> chromSizes(@RequestParam(required = false) String id,
            @RequestParam(required = false) String type, @RequestParam(required = false) String cum,
            HttpServletRequest request,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        if (id == null || id.isBlank()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'id' (a tileset uid) is required");
        }
        List<Chromosome> chroms = tiles.view(uid(id), viewers.of(access)).reference().chromosomes();
        boolean withOffset = cum != null && (cum.equals("1") || cum.equalsIgnoreCase("true"));
        if ("json".equalsIgnoreCase(type)) {
            Map<String, Object> out = new LinkedHashMap<>();
            long offset = 0;
            for (Chromosome c : chroms) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("size", c.length());
                if (withOffset) {
                    entry.put("offset", offset);
                }
                out.put(c.name(), entry);
                offset += c.length();
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
        }
        StringBuilder tsv = new StringBuilder();
        long offset = 0;
        for (Chromosome c : chroms) {
            tsv.append(c.name()).append('\t').append(c.length());
            if (withOffset) {
                tsv.append('\t').append(offset);
            }
            tsv.append('\n');
            offset += c.length();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(tsv.toString());
    }


    private static List<TileId> parse(List<String> ids) {
        if (ids.isEmpty()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'd' (UID.z.x.y[.transform]) is required");
        }
        if (ids.size() > TileService.MAX_TILES) {
            throw ServiceException.badRequest("too_many_tiles", "at most " + TileService.MAX_TILES + " tiles per request, not " + ids.size());
        }
        List<TileId> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                out.add(TileId.parse(id));
            } catch (IllegalArgumentException e) {
                throw ServiceException.badRequest("invalid_parameter", e.getMessage());
            }
        }
        return out;
    }

    /** A uid checked for form (the file it names is checked when resolved). */
    private static String uid(String uid) {
        try {
            TilesetUid.fileName(uid);
            return uid;
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound("unknown_tileset", "no tileset '" + uid + "': see /higlass/api/v1/tilesets/");
        }
    }

}
