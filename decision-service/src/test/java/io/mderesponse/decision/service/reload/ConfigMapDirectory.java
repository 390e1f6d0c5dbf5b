package io.mderesponse.decision.service.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A directory laid out as the kubelet lays out a mounted ConfigMap, and updated the way it updates one: the file
 * is a symlink {@code rules.yaml -> ..data/rules.yaml}, {@code ..data} a symlink to a timestamped directory, and
 * an update writes a new directory and renames a new {@code ..data} link over the old one (the file's own inode
 * never changes, which is why watching it misses updates).
 */
public final class ConfigMapDirectory {

    public static final String FILE = "rules.yaml";

    private final Path root;

    private ConfigMapDirectory(Path root) {
        this.root = root;
    }

    /** Creates the layout in {@code root} with {@code content} as the first version of the file. */
    public static ConfigMapDirectory create(Path root, String content) {
        ConfigMapDirectory directory = new ConfigMapDirectory(root);
        try {
            Files.createDirectories(root);
            Path data = directory.writeGeneration(content);
            Files.createSymbolicLink(root.resolve("..data"), data.getFileName());
            Files.createSymbolicLink(root.resolve(FILE), Path.of("..data", FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A layout made earlier by {@link #create}. */
    public static ConfigMapDirectory open(Path root) {
        return new ConfigMapDirectory(root);
    }

    /** The path operators configure: the symlink. */
    public Path file() {
        return root.resolve(FILE);
    }

    /** Swaps in {@code content} as the kubelet does: new directory, atomic rename of {@code ..data}, old one gone. */
    public void swap(String content) {
        try {
            Path old = root.resolve("..data").toRealPath();
            Path data = writeGeneration(content);
            Path link = root.resolve("..data_tmp");
            Files.createSymbolicLink(link, data.getFileName());
            Files.move(link, root.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the file's target, as when a ConfigMap key is deleted. */
    public void removeData() {
        try {
            deleteRecursively(root.resolve("..data").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeGeneration(String content) throws IOException {
        // Unique, as the kubelet's timestamped names are.
        Path data = root.resolve("..2026_11_27_10_00_00." + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(data);
        Files.writeString(data.resolve(FILE), content, StandardCharsets.UTF_8);
        return data;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
