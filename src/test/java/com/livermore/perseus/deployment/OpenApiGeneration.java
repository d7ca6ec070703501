package com.livermore.perseus.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * Generates the Java client from a document with the settings of the build's own generation ({@code
 * openapi-generator-maven-plugin} in {@code pom.xml}), so a test can generate it again from the
 * document a running server serves and compare it with the client the tests are compiled against.
 */
final class OpenApiGeneration {
  /** Where the build generated the client the tests use. */
  static final Path BUILT = Path.of("target/generated-test-sources/openapi-client/src/main/java");

  private OpenApiGeneration() {}

  /** Generates the client from {@code document} under {@code dir}; returns its source root. */
  static Path generate(String document, Path dir) throws IOException {
    Path spec = dir.resolve("openapi.yaml");
    Files.writeString(spec, document, StandardCharsets.UTF_8);
    CodegenConfigurator config =
        new CodegenConfigurator()
            .setGeneratorName("java")
            .setLibrary("native")
            .setInputSpec(spec.toString())
            .setOutputDir(dir.resolve("client").toString())
            .setApiPackage("com.livermore.perseus.client.api")
            .setModelPackage("com.livermore.perseus.client.model")
            .setInvokerPackage("com.livermore.perseus.client")
            .setValidateSpec(true)
            .addGlobalProperty("apiTests", "false")
            .addGlobalProperty("modelTests", "false")
            .addGlobalProperty("apiDocs", "false")
            .addGlobalProperty("modelDocs", "false")
            .addAdditionalProperty("useJakartaEe", true)
            .addAdditionalProperty("openApiNullable", false)
            .addAdditionalProperty("dateLibrary", "java8")
            .addAdditionalProperty("annotationLibrary", "none")
            .addAdditionalProperty("documentationProvider", "none")
            .addAdditionalProperty("sourceFolder", "src/main/java")
            .addAdditionalProperty("hideGenerationTimestamp", true);
    new DefaultGenerator().opts(config.toClientOptInput()).generate();
    return dir.resolve("client/src/main/java");
  }

  /** Every Java source under {@code root}, by its path relative to the root. */
  static Map<String, String> sources(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        out.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * Compiles the sources under {@code root} against this test's class path into {@code classes};
   * returns javac's exit code (0 when it compiled).
   */
  static int compile(Path root, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    String[] files;
    try (Stream<Path> all = Files.walk(root)) {
      files =
          all.filter(p -> p.toString().endsWith(".java"))
              .map(Path::toString)
              .toArray(String[]::new);
    }
    String[] args = new String[files.length + 6];
    args[0] = "-d";
    args[1] = classes.toString();
    args[2] = "-classpath";
    args[3] = System.getProperty("java.class.path");
    args[4] = "-proc:none";
    args[5] = "-nowarn";
    System.arraycopy(files, 0, args, 6, files.length);
    return javac.run(null, null, null, args);
  }
}
