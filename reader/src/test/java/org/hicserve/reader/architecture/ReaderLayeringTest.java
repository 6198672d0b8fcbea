package org.hicserve.reader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The readers are a library usable alone (the service, the Spark module and the command line all use them): no
 * Spring, no HTTP, no service or client type; the two formats never reach into each other; every package says
 * what lives in it.
 */
public class ReaderLayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hicserve.reader");

    @Test
    void readersKnowNoSpringNoHttpAndNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                "org.hicserve.service..", "org.hicserve.client..", "java.net.http..").check(MAIN);
    }

    @Test
    void coolerAndHicNeverImportEachOther() {
        noClasses().that().resideInAPackage("org.hicserve.reader.cooler..").should().dependOnClassesThat()
                .resideInAPackage("org.hicserve.reader.hic..").check(MAIN);
        noClasses().that().resideInAPackage("org.hicserve.reader.hic..").should().dependOnClassesThat()
                .resideInAPackage("org.hicserve.reader.cooler..").check(MAIN);
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        assertThat(packagesWithoutInfo(TestData.repoRoot().resolve("reader/src/main/java"))).isEmpty();
    }

    /** Folders holding Java sources but no package-info.java. */
    public static List<Path> packagesWithoutInfo(Path sourceRoot) throws IOException {
        try (Stream<Path> dirs = Files.walk(sourceRoot)) {
            return dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(d -> !Files.exists(d.resolve("package-info.java"))).map(sourceRoot::relativize).toList();
        }
    }
}
