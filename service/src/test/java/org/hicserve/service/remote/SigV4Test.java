package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * SigV4 against the worked examples of the S3 documentation ("Signature Calculations for the Authorization Header:
 * Transferring Payload in a Single Chunk", examples GET Object and GET Bucket (List Objects)), which use the
 * documentation's example credentials; and the credential chain's order and redaction.
 */
class SigV4Test {
    private static final AwsCredentials EXAMPLE = new AwsCredentials("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);
    private static final Instant WHEN = Instant.parse("2013-05-24T00:00:00Z");

    @Test
    void getObjectWithRange() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("host", "examplebucket.s3.amazonaws.com");
        h.put("range", "bytes=0-9");
        h.put("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        h.put("x-amz-date", "20130524T000000Z");
        String auth = SigV4.authorization("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"), h,
                SigV4.EMPTY_SHA256, EXAMPLE, "us-east-1", WHEN);
        assertThat(auth).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void listObjectsWithAQuery() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("host", "examplebucket.s3.amazonaws.com");
        h.put("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        h.put("x-amz-date", "20130524T000000Z");
        String auth = SigV4.authorization("GET", URI.create("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
                h, SigV4.EMPTY_SHA256, EXAMPLE, "us-east-1", WHEN);
        assertThat(auth).endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void theChainPrefersSystemPropertiesThenTheEnvironmentAndNeverPrintsTheSecret() {
        Properties props = new Properties();
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "ENVKEY", "AWS_SECRET_ACCESS_KEY", "env-secret",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        assertThat(AwsCredentials.fromDefaultChain(env, props)).hasValueSatisfying(c -> {
            assertThat(c.accessKeyId()).isEqualTo("ENVKEY");
            assertThat(c.toString()).doesNotContain("env-secret");
        });
        props.setProperty("aws.accessKeyId", "PROPKEY");
        props.setProperty("aws.secretAccessKey", "prop-secret");
        assertThat(AwsCredentials.fromDefaultChain(env, props)).map(AwsCredentials::accessKeyId).hasValue("PROPKEY");
        assertThat(AwsCredentials.fromDefaultChain(Map.of("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent"),
                new Properties())).isEmpty();
    }

    @Test
    void keysArePercentEncodedAsS3Wants() {
        assertThat(S3Store.encode("a b/c~d*e+é.hic", true)).isEqualTo("a%20b/c~d%2Ae%2B%C3%A9.hic");
        assertThat(S3Store.encode("a/b", false)).isEqualTo("a%2Fb");
    }
}
