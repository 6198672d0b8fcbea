package org.hicserve.service.tiles;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The tileset uid of a file: its name as {@code /api/v1/files} gives it, in unpadded URL-safe base64. Reversible,
 * so no registry of tilesets is kept, and dot-free as HiGlass requires (it splits tile ids on dots).
 */
public final class TilesetUid {
    private TilesetUid() {
    }

    public static String of(String fileName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fileName.getBytes(StandardCharsets.UTF_8));
    }

    /** The file name of a uid; {@link IllegalArgumentException} for a string that is not one. */
    public static String fileName(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 4096) {
            throw new IllegalArgumentException("not a tileset uid: '" + uid + "'");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(uid), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a tileset uid: '" + uid + "'");
        }
    }
}
