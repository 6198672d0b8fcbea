/**
 * HiGlass-style tiles of a contact matrix, for both formats: the zoom/tile geometry of clodius (z = 0 the coarsest
 * resolution, 256 x 256 bins a tile, chromosomes concatenated in file order), the dense accumulation of one tile from
 * per chromosome-pair region queries ({@link org.hicserve.reader.MatrixFile#fetch}), the float16/float32 base64
 * encoding the HiGlass client decodes, and the dot-free tileset uid of a file. No HTTP here: the controllers of
 * {@code web/} bind requests to {@link org.hicserve.service.tiles.TileService}.
 */
package org.hicserve.service.tiles;
