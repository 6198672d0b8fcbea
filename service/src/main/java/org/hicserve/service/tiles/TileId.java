package org.hicserve.service.tiles;

/**
 * One tile request as HiGlass writes it: {@code UID.z.x.y} with an optional {@code .transform} ({@code weight},
 * {@code KR}, {@code None}, ...). {@code transform} is null when absent (the file's default).
 */
public record TileId(String text, String uid, int zoom, long x, long y, String transform) {
    public static TileId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty tile id");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length < 4 || parts.length > 5 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("tile id '" + text + "' is not UID.z.x.y[.transform]");
        }
        try {
            int z = Integer.parseInt(parts[1]);
            long x = Long.parseLong(parts[2]);
            long y = Long.parseLong(parts[3]);
            String t = parts.length == 5 && !parts[4].isEmpty() ? parts[4] : null;
            return new TileId(text, parts[0], z, x, y, t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tile id '" + text + "' is not UID.z.x.y[.transform]: z, x, y are whole numbers");
        }
    }
}
