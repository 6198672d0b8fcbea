package org.hicserve.service.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hicserve.reader.io.source.RemoteReadException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The objects under an S3 bucket prefix ({@code s3://bucket/prefix/}), on AWS or an S3-compatible store
 * ({@code hicserve.s3.endpoint}, {@code hicserve.s3.path-style}). Lists with ListObjectsV2, looks objects up with
 * HEAD and reads them with ranged GETs, each signed with SigV4 when credentials are found
 * ({@link AwsCredentials#fromDefaultChain}) and unsigned otherwise. Keys are relative to the prefix.
 */
public final class S3Store implements ObjectStore {
    private static final int MAX_LISTING_PAGE = 16 << 20;

    private final String bucket;
    private final String prefix;
    private final URI endpoint;
    private final boolean pathStyle;
    private final String region;
    private final Optional<AwsCredentials> credentials;
    private final RangedHttp http;
    private final RangedHttp.Signer signer = this::sign;

    public S3Store(String bucket, String prefix, RemoteSettings settings, Optional<AwsCredentials> credentials,
            BlockCache cache) {
        if (bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("not an S3 bucket name: '" + bucket + "'");
        }
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.region = settings.s3Region();
        this.pathStyle = settings.s3PathStyle();
        String e = settings.s3Endpoint().isEmpty() ? "https://s3." + region + ".amazonaws.com" : settings.s3Endpoint();
        this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
        if (endpoint.getUserInfo() != null) {
            throw new IllegalArgumentException("hicserve.s3.endpoint must not carry credentials");
        }
        this.credentials = credentials;
        this.http = new RangedHttp(settings, cache.stats(), false);
    }

    /** {@code s3://bucket/prefix/} into a store. */
    public static S3Store of(URI s3, RemoteSettings settings, BlockCache cache) {
        String path = s3.getPath() == null ? "" : s3.getPath();
        return new S3Store(s3.getHost() == null ? s3.getAuthority() : s3.getHost(), path.startsWith("/") ? path.substring(1) : path,
                settings, AwsCredentials.fromDefaultChain(), cache);
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public String location(String key) {
        return "s3://" + bucket + "/" + prefix + key + " at " + endpoint;
    }

    @Override
    public List<ObjectInfo> list() throws IOException {
        List<ObjectInfo> out = new ArrayList<>();
        String token = null;
        do {
            StringBuilder q = new StringBuilder("list-type=2&prefix=").append(encode(prefix, false));
            if (token != null) {
                q.append("&continuation-token=").append(encode(token, false));
            }
            URI uri = URI.create(bucketUri() + "/?" + q);
            byte[] page = http.get(uri, describe() + " listing", signer, MAX_LISTING_PAGE)
                    .orElseThrow(() -> new RemoteReadException(RemoteReadException.Kind.BAD_GATEWAY,
                            describe() + ": no such bucket"));
            Document doc = parse(page);
            NodeList contents = doc.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element c = (Element) contents.item(i);
                String key = text(c, "Key");
                if (key == null || !key.startsWith(prefix) || key.endsWith("/")) {
                    continue;
                }
                long size = Long.parseLong(text(c, "Size"));
                String etag = text(c, "ETag");
                out.add(new ObjectInfo(key.substring(prefix.length()), size,
                        etag == null ? "size:" + size : "etag:" + etag.strip()));
            }
            token = "true".equals(text(doc.getDocumentElement(), "IsTruncated"))
                    ? text(doc.getDocumentElement(), "NextContinuationToken") : null;
        } while (token != null);
        return out;
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        return http.head(objectUri(key), location(key), signer).map(h -> new ObjectInfo(key, h.size(), h.version()));
    }

    @Override
    public void read(ObjectInfo object, long start, byte[] dst, int offset, int length) throws IOException {
        http.range(objectUri(object.key()), location(object.key()), signer, object.size(), object.version(), start, dst,
                offset, length);
    }

    private String bucketUri() {
        if (pathStyle) {
            return endpoint + "/" + bucket;
        }
        return endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + endpoint.getRawPath();
    }

    private URI objectUri(String key) {
        return URI.create(bucketUri() + "/" + encode(prefix + key, true));
    }

    private void sign(HttpRequest.Builder b, String method, URI uri) {
        if (credentials.isEmpty()) {
            return;
        }
        AwsCredentials c = credentials.get();
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getRawAuthority());
        headers.put("x-amz-content-sha256", SigV4.UNSIGNED_PAYLOAD);
        headers.put("x-amz-date", SigV4.amzDate(now));
        if (c.sessionToken() != null) {
            headers.put("x-amz-security-token", c.sessionToken());
        }
        String auth = SigV4.authorization(method, uri, headers, SigV4.UNSIGNED_PAYLOAD, c, region, now);
        headers.forEach((k, v) -> {
            if (!k.equals("host")) { // java.net.http sets Host itself, from the URI: the value signed above
                b.header(k, v);
            }
        });
        b.header("Authorization", auth);
    }

    /** RFC 3986 percent-encoding as S3 wants it: unreserved characters kept, {@code /} kept when asked. */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new RemoteReadException(RemoteReadException.Kind.BAD_GATEWAY,
                    describe() + ": the listing is not ListObjectsV2 XML: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        return null;
    }
}
