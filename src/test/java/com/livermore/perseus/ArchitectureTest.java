package com.livermore.perseus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/DESIGN.md, kept by the build: a change that breaks one fails here with
 * the rule's name and the offending dependency.
 */
class ArchitectureTest {
  static final String ROOT = "com.livermore.perseus";
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void dependenciesPointInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Boundary")
        .definedBy(ROOT + ".api..", ROOT + ".console..")
        .layer("Services")
        .definedBy(
            ROOT + ".instance..",
            ROOT + ".command..",
            ROOT + ".network..",
            ROOT + ".notify..",
            ROOT + ".metrics..",
            ROOT + ".security..")
        .layer("Store")
        .definedBy(ROOT + ".store..")
        .layer("Domain")
        .definedBy(ROOT + ".registry..", ROOT + ".activity..", ROOT + ".lifecycle..")
        .layer("Base")
        .definedBy(ROOT + ".config..", ROOT + ".time..")
        .whereLayer("Boundary")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Services")
        .mayOnlyBeAccessedByLayers("Boundary")
        .whereLayer("Store")
        .mayOnlyBeAccessedByLayers("Services")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Boundary", "Services", "Store")
        .because("the boundary calls services, services use stores, stores use the domain")
        .check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void onlyTheStorePackageTalksToRedisson() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.redisson..")
        .because("every Redis call goes through a store, so the Redis protocol lives in one place")
        .check(MAIN);
  }

  @Test
  void theDomainAndTheInstancePartsCarryNoContainerAnnotations() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".registry..", ROOT + ".activity..", ROOT + ".time..")
        .or()
        .haveSimpleNameEndingWith("Policy")
        .or()
        .haveSimpleName("LeaseDeadline")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "org.eclipse.microprofile..")
        .because("pure logic is tested by plain unit tests, without a container")
        .check(MAIN);
  }

  @Test
  void keyNamesAreBuiltInOneClass() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".store.Keys")
        .because("Keys is the store's own: everyone else asks a store")
        .check(MAIN);
  }

  @Test
  void noMainClassIsOverThreeHundredLines() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    for (Path file : sources) {
      try (Stream<String> lines = Files.lines(file)) {
        long count = lines.count();
        if (count > 300) tooLong.put(file.toString(), count);
      }
    }
    assertThat(sources).as("the main sources").hasSizeGreaterThan(100);
    assertThat(tooLong).as("split a class before it passes 300 lines").isEmpty();
  }
}
