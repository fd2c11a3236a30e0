package io.latentbench.workbench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages import one another only downwards: engine, then bench, results, regress and the reports, with
 * notebook and kernel calling their facades and cli on top (each package's {@code package-info.java} names
 * its layer). Checked on the compiled main classes of both modules; a rule whose subject matches no class
 * fails too (ArchUnit's default), so a renamed package cannot make a rule pass vacuously.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.latentbench");
    }

    @Test
    void engineKnowsNothingOfTheWorkbench() {
        ArchRule rule = noClasses().that().resideInAPackage("io.latentbench.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.latentbench.workbench..")
                .because("the engine is a library of its own: a notebook or another program uses it without"
                        + " benchmarks, gate or kernel, and it is built before the workbench module");
        rule.check(classes);
    }

    @Test
    void theIterationBarrierNeedsOnlyJmhAndTheJdk() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("io.latentbench.workbench.bench.relative.barrier..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.latentbench.workbench.bench.relative.barrier..", "org.openjdk.jmh..", "java..")
                .because("its class goes into a jar of its own on both sides' class paths, and the base"
                        + " revision's forks have none of this revision's other classes");
        rule.check(classes);
    }

    @Test
    void workbenchPackagesFormNoCycle() {
        ArchRule rule = slices().matching("io.latentbench.workbench.(*)..")
                .should().beFreeOfCycles()
                .because("a cycle between two top-level packages makes them one unit: neither can be"
                        + " understood, tested or changed without the other");
        rule.check(classes);
    }

    @Test
    void resultsKnowNoProducerOrConsumer() {
        ArchRule rule = noClasses().that().resideInAPackage("io.latentbench.workbench.results..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.latentbench.workbench.bench..",
                        "io.latentbench.workbench.regress..",
                        "io.latentbench.workbench.notebook..",
                        "io.latentbench.workbench.kernel..",
                        "io.latentbench.workbench.cli..")
                .because("results is the data model of result files: bench writes it, regress, reports, the"
                        + " kernel and the CLI read it, and a foreign JMH file must read without any of them");
        rule.check(classes);
    }

    @Test
    void regressJudgesResultsOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("io.latentbench.workbench.regress..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.latentbench.workbench.bench..",
                        "io.latentbench.workbench.notebook..",
                        "io.latentbench.workbench.kernel..")
                .because("the regression gate judges result files, whoever measured them: it must not run"
                        + " benchmarks, notebooks or a kernel, so that it judges a stored or foreign file alike");
        rule.check(classes);
    }

    @Test
    void nothingBelowTheCliImportsIt() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.latentbench.workbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.latentbench.workbench.cli..")
                .because("the command line only parses arguments and calls facades; what it does must be"
                        + " callable from tests, notebooks and the kernel without it");
        rule.check(classes);
    }

    @Test
    void benchsSuitesAndRelativeRunsStayBehindItsFacade() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.latentbench.workbench.bench..")
                .should().dependOnClassesThat(resideInAnyPackage("io.latentbench.workbench.bench.suites..",
                        "io.latentbench.workbench.bench.relative..")
                        .and(not(simpleName("RevisionBuildException"))))
                .because("the suites and the relative runner are how bench measures: callers go through Bench,"
                        + " so a suite can be split or a schedule added without them (a base that does not build is"
                        + " the one error of the runner a caller handles)");
        rule.check(classes);
    }

    @Test
    void theGatesStatisticsAreItsOwn() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.latentbench.workbench.regress..")
                .should().dependOnClassesThat().resideInAPackage("io.latentbench.workbench.regress.stats..")
                .because("callers read a verdict and its evidence (Comparison, ChangeStatistics), never a test's"
                        + " arithmetic, so that a statistic can change without them");
        rule.check(classes);
    }

    @Test
    void kernelAndNotebooksReachBenchAndTheGateThroughTheirFacadesOnly() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.latentbench.workbench.kernel..",
                        "io.latentbench.workbench.notebook..")
                .should().dependOnClassesThat(resideInAnyPackage("io.latentbench.workbench.bench..",
                        "io.latentbench.workbench.regress..")
                        .and(not(simpleName("Bench")))
                        .and(not(simpleName("BenchResults")))
                        .and(not(simpleName("DataSets")))
                        .and(not(simpleName("RegressionGate")))
                        .and(not(simpleName("GateResult"))))
                .because("a notebook cell calls what a user calls (Bench, BenchResults, DataSets, RegressionGate):"
                        + " the kernel adds display, not a second way into the runner or the gate");
        rule.check(classes);
    }
}
