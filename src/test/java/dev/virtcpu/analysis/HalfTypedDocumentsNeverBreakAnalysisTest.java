package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editors send every intermediate state of a document. Randomly damaged example domains (characters
 * deleted, duplicated or inserted, quotes and brackets especially) must be analysed, completed and
 * hovered without an exception, and every finding must lie inside the document.
 */
class HalfTypedDocumentsNeverBreakAnalysisTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("virtcpu.projectDir", ".")).resolve("examples");
    private static final String NOISE = "<>/='\"&;! \n\tcpu model feature x";

    @Test
    void damagedDomainsAreAnalysedWithoutExceptions() throws IOException {
        long seed = Long.getLong("virtcpu.fuzz.seed", System.nanoTime());
        System.out.println("half-typed documents seed=" + seed);
        Random random = new Random(seed);
        List<Path> domains;
        try (Stream<Path> s = Files.walk(EXAMPLES.resolve("domains"))) {
            domains = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Project project = new Project();
        for (int round = 0; round < 600; round++) {
            Path file = domains.get(random.nextInt(domains.size()));
            String text = damage(Files.readString(file, StandardCharsets.UTF_8), random);
            String label = "seed=" + seed + " round=" + round + " file=" + file.getFileName();
            assertDoesNotThrow(() -> {
                XmlDocument doc = XmlParser.parse(text);
                AnalysisContext ctx = project.resolve(file, doc).context();
                DocumentAnalysis a = Analyzer.analyze(doc, ctx);
                for (Finding f : a.findings()) {
                    assertTrue(0 <= f.start() && f.start() <= f.end() && f.end() <= text.length() + 1, label + ": " + f);
                    for (Fix fix : f.fixes()) {
                        for (TextEdit e : fix.edits()) {
                            assertTrue(0 <= e.start() && e.start() <= e.end() && e.end() <= text.length(), label + ": " + fix);
                        }
                    }
                }
                for (int i = 0; i < 5; i++) {
                    int offset = random.nextInt(text.length() + 1);
                    Assist.complete(doc, offset, ctx);
                    Assist.hover(doc, offset, ctx);
                }
            }, label);
        }
    }

    private static String damage(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
                case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(30))));
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }
}
