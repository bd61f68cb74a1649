package io.fraudshield.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Boundaries every service keeps (STYLE.md): services never import one another's code (they talk over
 * HTTP), resources never touch persistence directly, production code never depends on local-stack, and the
 * feature packages of a service form no cycle (a package two features share goes into a core package both
 * depend on). No code, the kernel's included, sets session state on a database connection: behind a
 * transaction-mode pooler (PgBouncer, docs/deploy.md) a session setting outlives the transaction and reaches
 * other clients' transactions (a REPEATABLE READ session would break "lock, then read" in every service).
 */
public abstract class ServiceArchitectureChecks {

    private static final List<String> SERVICES = List.of("cardlimit", "accountrisk", "stoppayment");

    /** The service's base package below {@code io.fraudshield}, e.g. {@code cardlimit}. */
    protected abstract String servicePackage();

    private JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fraudshield." + servicePackage());
    }

    @Test
    void servicesDoNotImportOneAnother() {
        String[] others = SERVICES.stream().filter(name -> !name.equals(servicePackage()))
                .map(name -> "io.fraudshield." + name + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true).check(production());
    }

    @Test
    void resourcesDoNotTouchPersistence() {
        noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..",
                        "io.quarkus.hibernate.orm.panache..", "io.agroal..", "java.sql..")
                .allowEmptyShould(true).check(production());
    }

    @Test
    void productionCodeDoesNotDependOnLocalStack() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.fraudshield.localstack..")
                .allowEmptyShould(true).check(production());
    }

    @Test
    void noSessionStateOnPooledConnections() {
        JavaClasses serviceAndKernel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fraudshield." + servicePackage(), "io.fraudshield.common");
        noClasses().should().callMethod(java.sql.Connection.class, "setTransactionIsolation", int.class)
                .orShould().callMethod(java.sql.Connection.class, "setReadOnly", boolean.class)
                .orShould().callMethod(java.sql.Connection.class, "setSchema", String.class)
                .because("session settings leak through a transaction-mode pooler; use SET TRANSACTION / SET LOCAL")
                .check(serviceAndKernel);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.fraudshield." + servicePackage() + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(production());
    }
}
