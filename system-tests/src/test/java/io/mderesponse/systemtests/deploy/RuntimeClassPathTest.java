package io.mderesponse.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.testsupport.process.ProjectLayout;
import io.mderesponse.testsupport.system.RunningSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the packaged services carry at run time: schema validation is for tests (and for consumers who ask for it),
 * so neither the JSON schema validator nor the Jackson 3 it brings is in any service's libraries.
 */
class RuntimeClassPathTest {

    @Test
    void noServiceCarriesTheSchemaValidatorOrJackson3() throws IOException {
        List<String> services = new ArrayList<>(RunningSystem.SERVICES);
        services.add("hunting-scheduler");
        for (String service : services) {
            Path libraries = ProjectLayout.quarkusRunJar(service).getParent().resolve("lib").resolve("main");
            List<String> jars;
            try (Stream<Path> files = Files.list(libraries)) {
                jars = files.map(file -> file.getFileName().toString()).toList();
            }
            assertThat(jars).as(service + " libraries").anyMatch(jar -> jar.startsWith("com.fasterxml.jackson.core"))
                    .noneMatch(jar -> jar.contains("json-schema-validator"))
                    .noneMatch(jar -> jar.startsWith("tools.jackson"));
        }
    }
}
