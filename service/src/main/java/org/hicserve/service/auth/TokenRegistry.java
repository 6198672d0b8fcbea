package org.hicserve.service.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens that may use the API and the folders each may read. Entries are {@code TOKEN} (every file)
 * or {@code TOKEN:folder1|folder2} (files under those folders of the data directory), from the
 * {@code hicserve.auth.tokens} list and/or a file with one entry per line ({@code #} comments). Tokens are
 * compared in constant time and never logged. Immutable; thread-safe.
 */
public final class TokenRegistry {
    private record Entry(byte[] token, Access access) {
    }

    private final List<Entry> entries;

    private TokenRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static TokenRegistry of(List<String> tokens, Path tokenFile) {
        List<String> lines = new ArrayList<>(tokens == null ? List.of() : tokens);
        if (tokenFile != null) {
            try {
                lines.addAll(Files.readAllLines(tokenFile));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token file " + tokenFile, e);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String token = colon < 0 ? line : line.substring(0, colon).strip();
            if (token.length() < 8) {
                throw new IllegalArgumentException("an access token must have at least 8 characters");
            }
            Access access = colon < 0 || line.substring(colon + 1).strip().equals("*") ? Access.ALL
                    : new Access(false, Arrays.asList(line.substring(colon + 1).split("\\|")));
            entries.add(new Entry(token.getBytes(StandardCharsets.UTF_8), access));
        }
        return new TokenRegistry(entries);
    }

    public boolean enabled() {
        return !entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The access of a presented token; every entry is compared, in constant time, whatever matches. */
    public Optional<Access> lookup(String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        Access found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.token(), p) && found == null) {
                found = e.access();
            }
        }
        return Optional.ofNullable(found);
    }
}
