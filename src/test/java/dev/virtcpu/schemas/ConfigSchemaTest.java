package dev.virtcpu.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks schemas/virtcpu.schema.json against the example configurations. */
class ConfigSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        schemaNode = JSON.readTree(TestPaths.projectDir().resolve("schemas/virtcpu.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    static Set<ValidationMessage> validate(Path file) throws IOException {
        return schema.validate(JSON.readTree(file.toFile()));
    }

    static List<Path> validConfigs() throws IOException {
        List<Path> files = new ArrayList<>(
                TestPaths.list(TestPaths.projectDir().resolve("schemas/examples"), ".virtcpu.json"));
        Path workspace = TestPaths.projectDir().resolve("examples");
        if (Files.isDirectory(workspace)) {
            try (Stream<Path> s = Files.walk(workspace)) {
                s.filter(p -> p.getFileName().toString().equals(".virtcpu.json"))
                        .filter(p -> !p.toString().contains("node_modules"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void thereAreExamples() throws IOException {
        assertTrue(TestPaths.list(TestPaths.projectDir().resolve("schemas/examples"), ".virtcpu.json").size() >= 3);
        assertTrue(TestPaths.list(TestPaths.resources().resolve("invalid-configs"), ".json").size() >= 10);
    }

    @TestFactory
    Stream<DynamicTest> examplesAreValid() throws IOException {
        return validConfigs().stream().map(f -> DynamicTest.dynamicTest(
                TestPaths.projectDir().relativize(f).toString(),
                () -> assertEquals(Set.of(), validate(f), f.toString())));
    }

    @TestFactory
    Stream<DynamicTest> invalidConfigsAreRejected() throws IOException {
        return TestPaths.list(TestPaths.resources().resolve("invalid-configs"), ".json").stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    Set<ValidationMessage> errors = validate(f);
                    assertFalse(errors.isEmpty(), f + " should be invalid");
                }));
    }

    @Test
    void schemaIsStrictAtTheTop() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schemaNode.get("$schema").asText());
        assertFalse(schemaNode.get("additionalProperties").asBoolean(true));
        List<String> keys = new ArrayList<>();
        schemaNode.get("properties").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("$schema", "hostSets", "defaultHostSet", "files", "ignore", "cpuMap", "libvirt", "minimumLevel",
                "libvirtSchemas", "severity", "migratable"), keys);
    }

    /** Every subschema has a description, for hover and completion in editors. */
    @Test
    void everythingIsDescribed() {
        List<String> missing = new ArrayList<>();
        walk(schemaNode, "#", missing);
        assertEquals(List.of(), missing);
    }

    private static void walk(JsonNode node, String path, List<String> missing) {
        if (!node.isObject()) {
            return;
        }
        if (!node.hasNonNull("description") || node.get("description").asText().isBlank()) {
            missing.add(path);
        }
        for (String key : List.of("properties", "$defs")) {
            JsonNode map = node.get(key);
            if (map != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    walk(e.getValue(), path + "/" + key + "/" + e.getKey(), missing);
                }
            }
        }
        for (String key : List.of("items", "additionalProperties", "propertyNames")) {
            JsonNode sub = node.get(key);
            if (sub != null && sub.isObject()) {
                walk(sub, path + "/" + key, missing);
            }
        }
        JsonNode oneOf = node.get("oneOf");
        if (oneOf != null) {
            for (int i = 0; i < oneOf.size(); i++) {
                walk(oneOf.get(i), path + "/oneOf/" + i, missing);
            }
        }
    }

    @Test
    void messagesNameTheProblem() throws IOException {
        Path bad = TestPaths.resources().resolve("invalid-configs/unknown-top-level-key.json");
        String all = validate(bad).stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
        assertTrue(all.contains("hostset"), all);
    }
}
