package org.hicserve.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client library stands alone: no reader, service or Spring types in its main code. */
class ClientDependenciesTest {
    @Test
    void theClientDependsOnNeitherReaderNorServiceNorSpring() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hicserve.client");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.hicserve.reader..", "org.hicserve.service..",
                "org.springframework..").check(main);
    }
}
