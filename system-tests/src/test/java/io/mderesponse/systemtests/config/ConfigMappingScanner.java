package io.mderesponse.systemtests.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the configuration properties of every {@code @ConfigMapping} interface by reading Java sources.
 *
 * <p>Why sources and not reflection: reflection needs every service's classes on one classpath, and these are
 * separate Quarkus applications (with conflicting dependency sets) that this module only orders in the reactor.
 * Reading {@code <module>/src/main/java} sees every module, including ones added later, with no dependency at all.
 * What it understands is what SmallRye Config does with a mapping interface:
 * <ul>
 *   <li>each abstract, parameterless method is a property, named in kebab case ({@code pageSize} →
 *       {@code page-size}) or by {@code @WithName("...")};</li>
 *   <li>a method returning another interface of the same module (nested or not) is a group: its properties get the
 *       method's name as a further prefix, or none with {@code @WithParentName};</li>
 *   <li>{@code Optional<T>} is unwrapped; {@code Map<String, T>} adds a {@code *} segment for its keys (written
 *       {@code <name>} in the README);</li>
 *   <li>{@code default} and {@code static} methods and constants are not properties.</li>
 * </ul>
 * A mapping with a {@code namingStrategy} other than kebab case is refused rather than read wrongly.
 */
public final class ConfigMappingScanner {

    private static final Pattern CONFIG_MAPPING = Pattern.compile(
            "@(?:io\\.smallrye\\.config\\.)?ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern PREFIX = Pattern.compile("prefix\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern ANNOTATION = Pattern.compile(
            "^@([\\w.]+)\\s*(\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?\\s*");
    private static final Pattern ACCESSOR = Pattern.compile("^(.+?)\\s+(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);
    private static final Pattern STRING_ARGUMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MODIFIERS = Pattern.compile("^(?:(?:public|abstract)\\s+)+");

    private ConfigMappingScanner() {
    }

    /** One property: its full name, the mapping interface that declares it and the module it is in. */
    public record Property(String name, String module, String mappingInterface) {

        /** The environment variable SmallRye Config reads it from; {@code *} segments stay {@code *}. */
        public String environmentVariable() {
            return ConfigNames.environmentVariable(name);
        }
    }

    /** Every property of every {@code @ConfigMapping} in {@code <root>/<module>/src/main/java}, by name. */
    public static Map<String, Property> scanModules(Path root) {
        Map<String, Property> all = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList()) {
                for (Property property : scanModule(module.getFileName().toString(), module.resolve("src/main/java"))) {
                    all.putIfAbsent(property.name(), property);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Every property of every {@code @ConfigMapping} under one source directory. */
    public static List<Property> scanModule(String module, Path sourceDir) {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(sourceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scanSources(module, sources.values().stream().toList());
    }

    /** Every property of every {@code @ConfigMapping} in these compilation units (one module's sources). */
    public static List<Property> scanSources(String module, List<String> sources) {
        List<String> stripped = sources.stream().map(JavaText::stripComments).toList();
        // Interfaces of the module, by simple name: groups may be nested or top-level types of their own.
        Map<String, String> moduleInterfaces = new HashMap<>();
        stripped.forEach(source -> moduleInterfaces.putAll(interfaces(source)));
        List<Property> properties = new ArrayList<>();
        for (String source : stripped) {
            Map<String, String> fileInterfaces = new HashMap<>(moduleInterfaces);
            fileInterfaces.putAll(interfaces(source)); // a nested type of this file wins over a namesake elsewhere
            Matcher mapping = CONFIG_MAPPING.matcher(source);
            while (mapping.find()) {
                String arguments = mapping.group(1);
                if (arguments.contains("namingStrategy") && !arguments.contains("KEBAB_CASE")) {
                    throw new IllegalStateException("Unsupported naming strategy in @ConfigMapping(" + arguments
                            + ") of module " + module + ": teach ConfigMappingScanner its names");
                }
                Matcher prefix = PREFIX.matcher(arguments);
                String root = prefix.find() ? prefix.group(1) : "";
                Matcher declaration = INTERFACE.matcher(source);
                if (!declaration.find(mapping.end())) {
                    throw new IllegalStateException("No interface after @ConfigMapping(" + arguments + ")");
                }
                String name = declaration.group(1);
                collect(root, fileInterfaces.get(name), fileInterfaces, module, name, properties, 0);
            }
        }
        return properties;
    }

    private static void collect(String prefix, String body, Map<String, String> interfaces, String module,
            String mappingInterface, List<Property> out, int depth) {
        if (depth > 20) {
            throw new IllegalStateException("Group nesting too deep (a cycle?) under " + prefix);
        }
        for (String member : JavaText.members(body)) {
            Optional<Accessor> accessor = Accessor.parse(member);
            if (accessor.isEmpty()) {
                continue;
            }
            Accessor a = accessor.get();
            String segment = a.withParentName() ? null : a.withName().orElse(kebab(a.method()));
            String name = join(prefix, segment);
            String type = unwrap(a.type());
            if (type.startsWith("Map<")) {
                name = join(name, "*");
                type = unwrap(mapValueType(type));
            }
            String group = interfaces.get(simpleName(type));
            if (group != null) {
                collect(name, group, interfaces, module, mappingInterface, out, depth + 1);
            } else {
                out.add(new Property(name, module, mappingInterface));
            }
        }
    }

    /** {@code pageSize} → {@code page-size}, {@code baseURL} → {@code base-url}, as SmallRye's kebab case. */
    static String kebab(String method) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = method.charAt(i - 1);
                boolean nextIsLower = i + 1 < method.length() && Character.isLowerCase(method.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before)
                        || (Character.isUpperCase(before) && nextIsLower)) {
                    out.append('-');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String join(String prefix, String segment) {
        if (segment == null || segment.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }

    private static String unwrap(String type) {
        String t = type.replaceAll("\\s+", "");
        for (String wrapper : List.of("Optional<", "java.util.Optional<")) {
            if (t.startsWith(wrapper) && t.endsWith(">")) {
                return unwrap(t.substring(wrapper.length(), t.length() - 1));
            }
        }
        return t.startsWith("java.util.Map<") ? t.substring("java.util.".length()) : t;
    }

    private static String mapValueType(String mapType) {
        String inner = mapType.substring("Map<".length(), mapType.length() - 1);
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return inner.substring(i + 1);
            }
        }
        throw new IllegalStateException("Unreadable map type " + mapType);
    }

    private static String simpleName(String type) {
        String t = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
        return t.substring(t.lastIndexOf('.') + 1);
    }

    /** Interfaces declared in one (comment-free) source, nested ones included: simple name → body. */
    private static Map<String, String> interfaces(String source) {
        Map<String, String> found = new HashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            int open = m.end() - 1;
            int close = JavaText.matchingBrace(source, open);
            found.put(m.group(1), source.substring(open + 1, close));
        }
        return found;
    }

    /** An abstract accessor of a mapping interface. */
    private record Accessor(String type, String method, Optional<String> withName, boolean withParentName) {

        static Optional<Accessor> parse(String member) {
            String rest = member.strip();
            Optional<String> withName = Optional.empty();
            boolean withParentName = false;
            Matcher annotation = ANNOTATION.matcher(rest);
            while (annotation.find()) {
                String name = annotation.group(1);
                String simple = name.substring(name.lastIndexOf('.') + 1);
                if (simple.equals("WithName")) {
                    Matcher value = STRING_ARGUMENT.matcher(annotation.group(2) == null ? "" : annotation.group(2));
                    if (!value.find()) {
                        throw new IllegalStateException("@WithName without a string: " + member);
                    }
                    withName = Optional.of(value.group(1));
                } else if (simple.equals("WithParentName")) {
                    withParentName = true;
                }
                rest = rest.substring(annotation.end());
                annotation = ANNOTATION.matcher(rest);
            }
            rest = MODIFIERS.matcher(rest).replaceFirst("");
            if (rest.startsWith("default ") || rest.startsWith("static ") || rest.contains("=")) {
                return Optional.empty();
            }
            Matcher accessor = ACCESSOR.matcher(rest);
            if (!accessor.matches()) {
                return Optional.empty(); // a method with parameters, or not a method at all
            }
            return Optional.of(new Accessor(accessor.group(1).strip(), accessor.group(2), withName, withParentName));
        }
    }

    /** Lexical helpers over Java source text that respect string and character literals. */
    static final class JavaText {

        private JavaText() {
        }

        /** The source without comments; literals (and the newlines, for readability) kept. */
        static String stripComments(String source) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end + 3;
                    out.append(source, i, end);
                    i = end;
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    int end = literalEnd(source, i);
                    out.append(source, i, end);
                    i = end;
                } else if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? source.length() : end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? source.length() : end + 2;
                    out.append(' ');
                } else {
                    out.append(source.charAt(i++));
                }
            }
            return out.toString();
        }

        /** Index of the brace closing the one at {@code open}. */
        static int matchingBrace(String source, int open) {
            int depth = 0;
            for (int i = open; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = literalEnd(source, i) - 1;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("Unbalanced braces");
        }

        /**
         * The member declarations directly in a type body, each without its {@code ;}. Members with a body of
         * their own (default methods, nested types) are left out.
         */
        static List<String> members(String body) {
            List<String> members = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = literalEnd(body, i);
                    current.append(body, i, end);
                    i = end - 1;
                } else if (c == '{') {
                    i = matchingBrace(body, i);
                    current.setLength(0);
                } else if (c == ';') {
                    if (!current.toString().isBlank()) {
                        members.add(current.toString().strip());
                    }
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            return members;
        }

        private static int literalEnd(String source, int start) {
            char quote = source.charAt(start);
            int i = start + 1;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return source.length();
        }
    }
}
