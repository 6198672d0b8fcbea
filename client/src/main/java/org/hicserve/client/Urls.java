package org.hicserve.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Query-string encoding. Stateless. */
final class Urls {
    private Urls() {
    }

    static String queryString(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(k)).append('=').append(encode(v));
        });
        return sb.toString();
    }

    static String encode(String s) {
        // URLEncoder writes form encoding ('+' for space); %20 is unambiguous in a query string
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
