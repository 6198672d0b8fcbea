package org.hicserve.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import org.hicserve.reader.architecture.ReaderLayeringTest;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The service's shape, checked: only {@code web} knows HTTP (statuses, servlets, Tomcat, Spring MVC); nothing
 * below it depends on it; the planner never depends on the endpoints' code; packages do not form cycles; every
 * package says what lives in it.
 */
class ServiceLayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hicserve.service");

    @Test
    void onlyTheWebEdgeKnowsHttp() {
        noClasses().that().resideOutsideOfPackage("org.hicserve.service.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..",
                        "org.apache.catalina..", "org.apache.tomcat..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheWebEdge() {
        // the composition root (config's ServiceConfiguration) wires the web edge's client key into the limiter
        noClasses().that().resideOutsideOfPackage("org.hicserve.service.web..")
                .and().doNotHaveSimpleName("ServiceConfiguration").should().dependOnClassesThat()
                .resideInAPackage("org.hicserve.service.web..").check(MAIN);
    }

    @Test
    void queryPlansDoNotKnowHowTheyAreServed() {
        noClasses().that().resideInAnyPackage("org.hicserve.service.plan..", "org.hicserve.service.exec..",
                "org.hicserve.service.files..", "org.hicserve.service.format..").should().dependOnClassesThat()
                .resideInAnyPackage("org.hicserve.service.query..", "org.hicserve.service.cli..").check(MAIN);
    }

    /**
     * {@code config} is both the settings every part reads and the composition root that wires every part: the
     * wiring's own dependencies are left out, everything else must form no cycle.
     */
    @Test
    void packagesFormNoCycles() {
        SlicesRuleDefinition.slices().matching("org.hicserve.service.(*)..").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.simpleName("ServiceConfiguration"), DescribedPredicate.alwaysTrue())
                .check(MAIN);
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        assertThat(ReaderLayeringTest.packagesWithoutInfo(TestData.repoRoot().resolve("service/src/main/java"))).isEmpty();
    }
}
