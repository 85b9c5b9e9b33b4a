package dev.virtcpu.cli.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileRewriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheNewBytesWhenTheFileStillHoldsTheOldOnes() throws IOException {
        Path f = Files.write(dir.resolve("a.xml"), bytes("old content"));
        FileRewriter.Result r = FileRewriter.rewrite(f, bytes("old content"), bytes("new"), false);
        assertNull(r.refusal());
        assertEquals(f.toRealPath(), r.target());
        assertArrayEquals(bytes("new"), Files.readAllBytes(f));
    }

    @Test
    void refusesAFileThatChangedSinceItWasRead() throws IOException {
        Path f = Files.write(dir.resolve("a.xml"), bytes("edited meanwhile"));
        FileRewriter.Result r = FileRewriter.rewrite(f, bytes("old content"), bytes("new"), false);
        assertEquals("the file changed since it was read", r.refusal());
        assertArrayEquals(bytes("edited meanwhile"), Files.readAllBytes(f));
    }

    @Test
    void refusesWhatIsNotARegularFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d.xml"));
        assertEquals("not a regular file", FileRewriter.rewrite(d, bytes(""), bytes("x"), true).refusal());
    }

    @Test
    void refusesADanglingLinkSayingWhy() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("l.xml"), dir.resolve("missing.xml"));
        FileRewriter.Result r = FileRewriter.rewrite(link, bytes(""), bytes("x"), true);
        assertTrue(r.refusal().startsWith("cannot resolve " + link), r.refusal());
        assertTrue(Files.notExists(dir.resolve("missing.xml")));
    }

    @Test
    void aShorterTextLeavesNoTailOfTheOldOne() throws IOException {
        Path f = Files.write(dir.resolve("a.xml"), bytes("0123456789"));
        FileRewriter.rewrite(f, bytes("0123456789"), bytes("abc"), false);
        assertArrayEquals(bytes("abc"), Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "the backup copy is removed");
        }
    }
}
