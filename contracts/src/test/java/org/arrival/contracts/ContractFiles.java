package org.arrival.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract sources as files, relative to the module directory Maven runs tests in. */
final class ContractFiles {

    static final Path ROOT = Path.of("src/main/resources").resolve(EventCatalogue.RESOURCE_ROOT);
    static final Path SCHEMAS = ROOT.resolve("schemas");
    static final Path EXAMPLES = ROOT.resolve("examples");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractFiles() {}

    /** One golden example of an event type. */
    record Example(EventTypeDefinition type, Path file) {
        @Override
        public String toString() {
            return ROOT.relativize(file).toString().replace('\\', '/');
        }
    }

    static List<Example> examples() {
        return EventCatalogue.instance().eventTypes().stream()
                .flatMap(type ->
                        list(ROOT.resolve(type.examples()), ".json").stream().map(f -> new Example(type, f)))
                .toList();
    }

    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        return JSON.readTree(bytes(file));
    }

    /** A schema node together with the file it was found in, so relative {@code $ref}s can be followed. */
    record SchemaNode(Path file, JsonNode node) {

        /** Follows {@code $ref} chains (relative file and JSON-pointer fragment) to the defining node. */
        SchemaNode deref() {
            SchemaNode current = this;
            while (current.node.has("$ref")) {
                String ref = current.node.get("$ref").asString();
                int hash = ref.indexOf('#');
                String filePart = hash < 0 ? ref : ref.substring(0, hash);
                String pointer = hash < 0 ? "" : ref.substring(hash + 1);
                Path target = filePart.isEmpty()
                        ? current.file
                        : current.file.getParent().resolve(filePart).normalize();
                if (!Files.isRegularFile(target)) {
                    throw new AssertionError(current.file + ": $ref " + ref + " points to a missing file");
                }
                JsonNode resolved = json(target).at(JsonPointer.compile(pointer));
                if (resolved.isMissingNode()) {
                    throw new AssertionError(current.file + ": $ref " + ref + " points to nothing");
                }
                current = new SchemaNode(target, resolved);
            }
            return current;
        }

        SchemaNode child(String... path) {
            JsonNode n = node;
            for (String p : path) {
                n = n.path(p);
            }
            return new SchemaNode(file, n);
        }
    }
}
