package io.alluse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of DESIGN.md, checked on the production classes. Rules for packages that may
 * still be empty allow that, so that the rule is in force the moment the first class appears.
 */
@AnalyzeClasses(packages = "io.alluse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String JAVA = "java..";

    @ArchTest
    static final ArchRule domainIsPureJava = classes().that().resideInAPackage("io.alluse.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.alluse.domain..", JAVA)
            .because("the account model is plain Java values and pure functions");

    @ArchTest
    static final ArchRule marketUsesOnlyDomain = noClasses().that().resideInAPackage("io.alluse.market..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.strategy..", "io.alluse.broker..", "io.alluse.store..",
                    "io.alluse.engine..", "io.alluse.analytics..", "io.alluse.ui..", "io.alluse.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule strategyUsesDomainAndMarket = noClasses().that().resideInAPackage("io.alluse.strategy..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.broker..", "io.alluse.store..", "io.alluse.engine..",
                    "io.alluse.analytics..", "io.alluse.ui..", "io.alluse.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule brokerUsesDomainAndMarket = noClasses().that().resideInAPackage("io.alluse.broker..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.strategy..", "io.alluse.store..", "io.alluse.engine..",
                    "io.alluse.analytics..", "io.alluse.ui..", "io.alluse.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule storeUsesOnlyDomain = noClasses().that().resideInAPackage("io.alluse.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.market..", "io.alluse.strategy..", "io.alluse.broker..",
                    "io.alluse.engine..", "io.alluse.analytics..", "io.alluse.ui..", "io.alluse.app..");

    @ArchTest
    static final ArchRule analyticsUsesDomainAndStore = noClasses().that().resideInAPackage("io.alluse.analytics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.market..", "io.alluse.strategy..", "io.alluse.broker..",
                    "io.alluse.engine..", "io.alluse.ui..", "io.alluse.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingButAppUsesUiOrApp = noClasses().that().resideOutsideOfPackages("io.alluse.ui..", "io.alluse.app..")
            .should().dependOnClassesThat().resideInAnyPackage("io.alluse.ui..", "io.alluse.app..")
            .because("the engine, strategies and analytics must run headless exactly as under the UI");

    @ArchTest
    static final ArchRule uiDoesNotUseApp = noClasses().that().resideInAPackage("io.alluse.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.alluse.app..");

    @ArchTest
    static final ArchRule onlyUiTouchesJavaFx = noClasses().that().resideOutsideOfPackage("io.alluse.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule onlyStoreTouchesHibernate = noClasses().that().resideOutsideOfPackage("io.alluse.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..", "org.flywaydb..");

    @ArchTest
    static final ArchRule onlyAppPrints = noClasses().that().resideOutsideOfPackage("io.alluse.app..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("everything else logs; the command line prints");

    /**
     * The credential vault stands alone (JDK crypto plus password4j's Argon2id) and is used by
     * engine, app and ui only: brokers receive the keys they need from the engine, never the vault.
     */
    @ArchTest
    static final ArchRule secretsStandAlone = classes().that().resideInAPackage("io.alluse.secrets..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.alluse.secrets..", JAVA, "javax.crypto..",
                    "com.password4j..", "org.slf4j..");

    @ArchTest
    static final ArchRule onlyEngineAppAndUiUseSecrets = noClasses().that().resideInAnyPackage("io.alluse.domain..",
                    "io.alluse.market..", "io.alluse.strategy..", "io.alluse.broker..", "io.alluse.store..", "io.alluse.analytics..")
            .should().dependOnClassesThat().resideInAPackage("io.alluse.secrets..");

    @ArchTest
    static final ArchRule onlySecretsUsesTheKdfLibrary = noClasses().that().resideOutsideOfPackage("io.alluse.secrets..")
            .should().dependOnClassesThat().resideInAnyPackage("com.password4j..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.alluse.(*)..").should().beFreeOfCycles();
}
