package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parses lint reports and validates them against a JSON Schema. */
final class JsonSchemas {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema load(String relativePath, SpecVersion.VersionFlag version) {
        try {
            JsonNode node = JSON.readTree(Fixtures.path(relativePath).toFile());
            return JsonSchemaFactory.getInstance(version).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertEquals(Set.of(), errors, () -> "schema violations in:\n" + document.toPrettyString());
    }
}
