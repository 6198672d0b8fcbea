package org.hicserve.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/raw/{file}}: a file's bytes, with HEAD and {@code Range} (206 + Content-Range; 416 when no range
 * is satisfiable; several ranges as multipart/byteranges), so that juicebox.js, igv.js and hic-straw open a .hic by
 * URL. Spring answers the ranges of a file resource itself (reading only the requested bytes); this class only
 * resolves the name as every endpoint does and adds validators and CORS.
 */
@RestController
class RawFileController {
    private final DataSource dir;

    private final ViewerAccess viewers;

    RawFileController(DataSource dir, ViewerAccess viewers) {
        this.dir = dir;
        this.viewers = viewers;
    }

    @GetMapping("/api/v1/raw/{*file}")
    ResponseEntity<Resource> raw(@PathVariable("file") String file, @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        String name = file.startsWith("/") ? file.substring(1) : file;
        FileRef ref = dir.file(name, viewers.of(access));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Accept-Ranges", "bytes")
                .cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate());
        if (ref.localPath() == null) { // an object in a store: its version (ETag) is the validator
            return answer.eTag("\"" + ref.version().replace("\"", "") + "\"").body(new ByteSourceResource(ref));
        }
        Path path = ref.localPath();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
        return answer.eTag(etag).lastModified(attrs.lastModifiedTime().toMillis()).body(new FileSystemResource(path));
    }
}
