package org.hicserve.service.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files under a plain HTTP(S) base URL (nginx, any static server or CDN that answers {@code Range} with 206). The
 * files are either listed in the settings or found in the base URL's index page (the {@code href}s of an HTML
 * autoindex, or one name per line), one level deep. Sizes and versions come from HEAD.
 */
public final class HttpStore implements ObjectStore {
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"([^\"?#]+)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_INDEX = 4 << 20;
    private static final RangedHttp.Signer NONE = (b, m, u) -> { };

    private final URI base;
    private final List<String> listed;
    private final RangedHttp http;

    public HttpStore(URI base, List<String> files, RemoteSettings settings, BlockCache cache) {
        if (base.getUserInfo() != null) {
            throw new IllegalArgumentException("an HTTP data source must not carry credentials in its URL");
        }
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.listed = List.copyOf(files);
        this.http = new RangedHttp(settings, cache.stats(), true);
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public String location(String key) {
        return uri(key).toString();
    }

    @Override
    public List<ObjectInfo> list() throws IOException {
        List<String> names = listed.isEmpty() ? index() : listed;
        List<ObjectInfo> out = new ArrayList<>();
        for (String n : names) {
            stat(n).ifPresent(out::add);
        }
        return out;
    }

    private List<String> index() throws IOException {
        Optional<byte[]> page = http.get(base, describe() + " index", NONE, MAX_INDEX);
        if (page.isEmpty()) {
            return List.of();
        }
        String text = new String(page.get(), StandardCharsets.UTF_8);
        Set<String> names = new LinkedHashSet<>();
        Matcher m = HREF.matcher(text);
        while (m.find()) {
            names.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        }
        if (names.isEmpty()) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        }
        return names.stream().filter(RemoteDataSource::validName).toList();
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        return http.head(uri(key), location(key), NONE).map(h -> new ObjectInfo(key, h.size(), h.version()));
    }

    @Override
    public void read(ObjectInfo object, long start, byte[] dst, int offset, int length) throws IOException {
        http.range(uri(object.key()), location(object.key()), NONE, object.size(), object.version(), start, dst, offset,
                length);
    }

    private URI uri(String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/")) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return base.resolve(path.toString());
    }
}
