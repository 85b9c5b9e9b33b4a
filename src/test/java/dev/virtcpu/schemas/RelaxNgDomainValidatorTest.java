package dev.virtcpu.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.virtcpu.analysis.schema.RelaxNgDomainValidator;
import dev.virtcpu.analysis.schema.SchemaLoadException;
import dev.virtcpu.analysis.schema.SchemaProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class RelaxNgDomainValidatorTest {

    private static Path domains(String kind) {
        return TestPaths.resources().resolve("domains").resolve(kind);
    }

    /** libvirt 9.0.0's schemas (the host's) and 12.8.0's (the sid chroot's). */
    private static List<Path> schemaDirs() {
        return List.of(Prerequisites.systemSchemas(), Prerequisites.sidSchemas());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertTrue(TestPaths.list(domains("valid"), ".xml").size() >= 10);
        assertTrue(TestPaths.list(domains("invalid"), ".xml").size() >= 10);
    }

    @TestFactory
    Stream<DynamicTest> validDomainsHaveNoProblems() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : schemaDirs()) {
            for (Path f : TestPaths.list(domains("valid"), ".xml")) {
                tests.add(DynamicTest.dynamicTest(dir + " accepts " + f.getFileName(), () -> {
                    List<SchemaProblem> problems = RelaxNgDomainValidator.load(dir).validate(read(f), f.toString());
                    assertEquals(List.of(), problems, f.toString());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidDomainsHaveProblems() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : schemaDirs()) {
            for (Path f : TestPaths.list(domains("invalid"), ".xml")) {
                tests.add(DynamicTest.dynamicTest(dir + " rejects " + f.getFileName(), () -> {
                    String text = read(f);
                    List<SchemaProblem> problems = RelaxNgDomainValidator.load(dir).validate(text, f.toString());
                    assertFalse(problems.isEmpty(), f + " should be invalid");
                    int lines = text.split("\n", -1).length;
                    for (SchemaProblem p : problems) {
                        assertTrue(p.line() >= 1 && p.line() <= lines, p.toString());
                        assertTrue(p.column() >= 1, p.toString());
                        assertTrue(p.endLine() > p.line() || p.endLine() == p.line() && p.endColumn() >= p.column(),
                                p.toString());
                        assertFalse(p.message().isBlank());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The validator and virt-xml-validate (libvirt on this machine) must agree on every file. */
    @TestFactory
    Stream<DynamicTest> agreesWithVirtXmlValidate() throws IOException {
        Path systemSchemas = Prerequisites.systemSchemas();
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            for (Path f : TestPaths.list(domains(kind), ".xml")) {
                tests.add(DynamicTest.dynamicTest("virt-xml-validate agrees on " + kind + "/" + f.getFileName(), () -> {
                    int rc = TestPaths.virtXmlValidate(f, "domain");
                    List<SchemaProblem> problems =
                            RelaxNgDomainValidator.load(systemSchemas).validate(read(f), f.toString());
                    assertEquals(rc == 0, problems.isEmpty(),
                            "virt-xml-validate exit " + rc + " but validator found " + problems);
                    assertEquals(kind.equals("valid"), rc == 0, "fixture in the wrong folder: " + f);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void reportsEveryErrorAtOnce() throws Exception {
        Path f = domains("invalid").resolve("three-errors.xml");
        for (Path dir : schemaDirs()) {
            List<SchemaProblem> problems = RelaxNgDomainValidator.load(dir).validate(read(f), f.toString());
            assertTrue(problems.size() >= 3, dir + ": " + problems);
            String all = problems.toString();
            assertTrue(all.contains("memory"), all);
            assertTrue(all.contains("policy"), all);
            assertTrue(all.contains("action"), all);
        }
    }

    @Test
    void rangesPointAtTheOffendingAttribute() throws Exception {
        Path dir = firstSchemaDir();
        String text = read(domains("invalid").resolve("bad-feature-policy.xml"));
        List<SchemaProblem> problems = RelaxNgDomainValidator.load(dir).validate(text, null);
        SchemaProblem p = problems.stream().filter(x -> x.message().contains("policy")).findFirst().orElseThrow();
        String line = text.split("\n")[p.line() - 1];
        assertEquals(p.line(), p.endLine());
        assertEquals("policy='enable'", line.substring(p.column() - 1, p.endColumn() - 1));
    }

    @Test
    void malformedXmlIsAProblemNotAnException() throws Exception {
        RelaxNgDomainValidator v = RelaxNgDomainValidator.load(firstSchemaDir());
        List<SchemaProblem> problems = v.validate("<domain type='kvm'>\n  <name>x</name\n", "broken.xml");
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(problems.size() - 1).line() >= 2, problems.toString());
        assertFalse(v.validate("", null).isEmpty());
        assertFalse(v.validate("not xml at all", null).isEmpty());
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xml = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>\n"
                + read(domains("valid").resolve("host-model.xml")).replace("<name>host-model</name>", "<name>&x;</name>");
        List<SchemaProblem> problems = RelaxNgDomainValidator.load(firstSchemaDir()).validate(xml, null);
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).message().contains("DOCTYPE"), problems.toString());
        assertFalse(problems.toString().contains("TOPSECRET"));
    }

    @Test
    void loadFailsClearlyAndCaches(@TempDir Path tmp) throws Exception {
        SchemaLoadException missing = assertThrows(SchemaLoadException.class, () -> RelaxNgDomainValidator.load(tmp));
        assertTrue(missing.getMessage().contains("domain.rng"), missing.getMessage());
        assertThrows(SchemaLoadException.class, () -> RelaxNgDomainValidator.load(tmp.resolve("nope")));
        Path broken = Files.createDirectory(tmp.resolve("broken"));
        Files.writeString(broken.resolve("domain.rng"),
                "<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><ref name='nothere'/></start></grammar>");
        SchemaLoadException bad = assertThrows(SchemaLoadException.class, () -> RelaxNgDomainValidator.load(broken));
        assertTrue(bad.getMessage().contains("nothere"), bad.getMessage());
        Path dir = firstSchemaDir();
        assertSame(RelaxNgDomainValidator.load(dir), RelaxNgDomainValidator.load(dir));
    }

    private static Path firstSchemaDir() {
        return schemaDirs().get(0);
    }
}
