package org.hicserve.service.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS credentials, found as the AWS SDKs' default chain finds static ones: the Java system properties
 * {@code aws.accessKeyId} / {@code aws.secretAccessKey} / {@code aws.sessionToken}, then the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the profile
 * {@code AWS_PROFILE} (default {@code default}) of the shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE},
 * default {@code ~/.aws/credentials}). Instance, container and SSO credentials are not looked for. None found: requests
 * go unsigned (a public bucket). {@link #toString} never shows the secret or the token.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public static Optional<AwsCredentials> fromDefaultChain() {
        return fromDefaultChain(System.getenv(), System.getProperties());
    }

    static Optional<AwsCredentials> fromDefaultChain(Map<String, String> env, java.util.Properties props) {
        Optional<AwsCredentials> c = of(props.getProperty("aws.accessKeyId"), props.getProperty("aws.secretAccessKey"),
                props.getProperty("aws.sessionToken"));
        if (c.isPresent()) {
            return c;
        }
        c = of(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"), env.get("AWS_SESSION_TOKEN"));
        if (c.isPresent()) {
            return c;
        }
        String file = env.get("AWS_SHARED_CREDENTIALS_FILE");
        Path path = file != null && !file.isBlank() ? Path.of(file)
                : Path.of(System.getProperty("user.home", "/"), ".aws", "credentials");
        String profile = env.getOrDefault("AWS_PROFILE", "default");
        Map<String, String> p = profile(path, profile);
        return of(p.get("aws_access_key_id"), p.get("aws_secret_access_key"), p.get("aws_session_token"));
    }

    private static Optional<AwsCredentials> of(String id, String secret, String token) {
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AwsCredentials(id.strip(), secret.strip(),
                token == null || token.isBlank() ? null : token.strip()));
    }

    /** The keys of one {@code [profile]} section of an INI credentials file; empty when absent or unreadable. */
    private static Map<String, String> profile(Path file, String profile) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isReadable(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return out;
        }
        boolean in = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                in = name.equals(profile) || name.equals("profile " + profile);
            } else if (in && line.contains("=") && !line.startsWith("#") && !line.startsWith(";")) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AwsCredentials[" + accessKeyId + ", secret hidden" + (sessionToken == null ? "" : ", session") + "]";
    }
}
