package org.hicserve.service.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.Problem;
import org.hicserve.reader.validate.ValidationReport;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.remote.RemoteFiles;

/**
 * {@code hicserve.jar validate FILE...}: checks each file as {@code hictk validate} does and says what is wrong in
 * words. Exit code 0 when every file is sound, 1 when any has an error, 2 for bad usage.
 */
public final class ValidateCommand {
    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].startsWith("-")) {
            err.println("usage: hicserve.jar validate FILE...");
            return 2;
        }
        boolean allOk = true;
        for (String a : args) {
            ValidationReport report;
            if (RemoteFiles.isRemote(a)) { // s3://bucket/key, https://host/path/file
                try {
                    FileRef ref = RemoteFiles.commandLineFile(a);
                    report = FileValidator.validate(ref.fileName(), null, ref.opener());
                } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
                    err.println(a + ": cannot be read: " + e.getMessage());
                    allOk = false;
                    continue;
                }
            } else {
                Path p = Path.of(a);
                if (!Files.isRegularFile(p)) {
                    err.println(a + ": no such file");
                    allOk = false;
                    continue;
                }
                report = FileValidator.validate(p);
            }
            out.println(a + ": " + (report.ok() ? "OK" : "INVALID") + " (" + (report.format() == null ? "unknown format"
                    : report.format().apiName()) + ", " + report.errors().size() + " errors, " + report.warnings().size()
                    + " warnings)");
            for (Problem problem : report.problems()) {
                out.println("  " + problem);
            }
            allOk &= report.ok();
        }
        return allOk ? 0 : 1;
    }
}
