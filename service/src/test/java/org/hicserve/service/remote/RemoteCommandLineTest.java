package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.cli.DumpCommand;
import org.hicserve.service.cli.ValidateCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dump} and {@code validate} take {@code s3://} and {@code http://} files and answer as on the local file. */
class RemoteCommandLineTest {
    @AfterEach
    void clear() {
        System.clearProperty("hicserve.s3.endpoint");
    }

    private static String[] run(boolean dump, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = dump ? DumpCommand.run(args, o, e) : ValidateCommand.run(args, o, e);
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void dumpAndValidateRemoteFiles() {
        System.setProperty("hicserve.s3.endpoint", RemoteFixture.s3().endpoint().toString());
        String http = NginxServer.get().base().resolve("/sample/").toString();
        String[] query = {"--resolution", "50000", "--range", "chr2:1,000,000-9,000,000", "--range2", "chrX",
                "--normalization", "VC", "--join"};
        String[] local = run(true, concat(TestData.sample("sample.hic").toString(), query));
        assertThat(local[0]).isEqualTo("0");
        assertThat(local[1].lines().count()).isGreaterThan(10);
        for (String remote : new String[] {"s3://" + S3MockServer.BUCKET + "/sample/sample.hic", http + "sample.hic"}) {
            String[] got = run(true, concat(remote, query));
            assertThat(got[0]).as(remote + ": " + got[2]).isEqualTo("0");
            assertThat(got[1]).as(remote).isEqualTo(local[1]);
        }
        String[] cooler = run(true, "s3://" + S3MockServer.BUCKET + "/sample/sample.mcool::/resolutions/100000", "--range",
                "chr3");
        assertThat(cooler[1]).isEqualTo(run(true, TestData.sample("sample.mcool") + "::/resolutions/100000", "--range",
                "chr3")[1]);

        String[] v = run(false, "s3://" + S3MockServer.BUCKET + "/sample/sample.mcool", http + "sample.hic");
        assertThat(v[0]).as(v[1] + v[2]).isEqualTo("0");
        assertThat(v[1]).contains("sample.mcool: OK", "sample.hic: OK");

        String[] missing = run(true, http + "nope.hic", "--range", "chr1");
        assertThat(missing[0]).isEqualTo("4");
        assertThat(missing[2]).contains("nope.hic");
    }

    private static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
