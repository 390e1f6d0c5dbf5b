package io.mderesponse.systemtests.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code kustomization.yaml} of {@code deploy/k8s}, read without kustomize (none can be installed here): its
 * listed files, and its manifests parsed with fabric8's Kubernetes model. Custom resources (Strimzi's) come out
 * as {@code GenericKubernetesResource}.
 */
final class Kustomization {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private final Path dir;
    private final JsonNode spec;

    private Kustomization(Path dir, JsonNode spec) {
        this.dir = dir;
        this.spec = spec;
    }

    static Kustomization read(Path dir) {
        try {
            return new Kustomization(dir, YAML.readTree(dir.resolve("kustomization.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    JsonNode spec() {
        return spec;
    }

    /** The entries of {@code resources}, resolved against this folder (files or other kustomizations). */
    List<Path> resources() {
        return paths(spec.path("resources"), null);
    }

    /** The files of {@code patches[].path}. */
    List<Path> patches() {
        return paths(spec.path("patches"), "path");
    }

    /** The {@code envs} and {@code files} of every config map and secret generator. */
    List<Path> generatorFiles() {
        List<Path> files = new ArrayList<>();
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            spec.path(generator).forEach(entry -> {
                files.addAll(paths(entry.path("envs"), null));
                entry.path("files").forEach(file -> {
                    String text = file.asText();
                    files.add(dir.resolve(text.substring(text.indexOf('=') + 1)).normalize());
                });
            });
        }
        return files;
    }

    /** The generator named {@code name} of kind {@code configMapGenerator} or {@code secretGenerator}. */
    Optional<JsonNode> generator(String kind, String name) {
        for (JsonNode entry : spec.path(kind)) {
            if (name.equals(entry.path("name").asText())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Every resource of this kustomization and the kustomizations it includes, in order. */
    List<HasMetadata> manifests() {
        List<HasMetadata> all = new ArrayList<>();
        for (Path resource : resources()) {
            if (Files.isDirectory(resource)) {
                all.addAll(read(resource).manifests());
            } else {
                all.addAll(parse(resource));
            }
        }
        return all;
    }

    /** The Kubernetes objects of one YAML file, each document one object; an empty document is an error. */
    static List<HasMetadata> parse(Path file) {
        Object parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = KUBERNETES.unmarshal(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        List<?> documents = parsed instanceof List<?> list ? list : List.of(parsed);
        for (Object document : documents) {
            if (!(document instanceof HasMetadata object)) {
                throw new IllegalStateException(file + ": a document is not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    /**
     * A field of a custom resource (e.g. {@code spec}, {@code kafka}, {@code listeners}), or null when the path
     * stops early.
     */
    @SuppressWarnings("unchecked")
    static <T> T field(GenericKubernetesResource resource, String... path) {
        Object value = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return (T) value;
    }

    private List<Path> paths(JsonNode entries, String field) {
        List<Path> paths = new ArrayList<>();
        entries.forEach(entry -> paths.add(dir.resolve((field == null ? entry : entry.path(field)).asText())
                .normalize()));
        return paths;
    }
}
