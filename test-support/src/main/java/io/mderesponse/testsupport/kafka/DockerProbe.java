package io.mderesponse.testsupport.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Answers whether a Docker engine is there. Testcontainers is asked only when a socket or DOCKER_HOST hints
 * at an engine: without one its probe tries several strategies and logs errors for each.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
