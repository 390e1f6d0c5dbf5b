package io.mderesponse.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's top directory from wherever a test runs (Surefire runs in the module directory). */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /** The nearest directory at or above the working directory that holds the Maven wrapper's {@code .mvn}. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve(".mvn")) && Files.exists(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No project root (a directory with .mvn and pom.xml) at or above " + dir);
    }

    /** The packaged Quarkus application of a module: {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public static Path quarkusRunJar(String module) {
        return root().resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /**
     * Whether the module's service serves health and metrics on Quarkus' management interface (its
     * {@code application.properties} sets {@code quarkus.management.port}).
     */
    public static boolean hasManagementInterface(String module) {
        Path properties = root().resolve(module).resolve("src/main/resources/application.properties");
        try {
            return Files.exists(properties) && Files.readAllLines(properties).stream()
                    .anyMatch(line -> line.startsWith("quarkus.management.port="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
