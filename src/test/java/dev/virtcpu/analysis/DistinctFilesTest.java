package dev.virtcpu.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The files of a lint run: one per real path, in path order, however (and however often) each was named. */
class DistinctFilesTest {
    @TempDir
    Path dir;

    private static Object key(Path f) throws IOException {
        return Files.readAttributes(f, BasicFileAttributes.class).fileKey();
    }

    private List<Path> distinct(List<Path> names) throws IOException {
        DistinctFiles files = new DistinctFiles();
        for (Path n : names) files.add(n, key(n));
        return List.copyOf(files.sorted());
    }

    @Test
    void filesAreKeptInPathOrder() throws IOException {
        Path b = Files.writeString(dir.resolve("b.xml"), "b");
        Path a = Files.writeString(dir.resolve("a.xml"), "a");
        assertEquals(List.of(a, b), distinct(List.of(b, a)));
    }

    @Test
    void aFileNamedAgainByAnotherPathOrALinkIsKeptOnce() throws IOException {
        Path f = Files.writeString(dir.resolve("vm.xml"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), f);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        assertEquals(List.of(f), distinct(List.of(f, sub.resolve("../vm.xml"), link, f)));
    }

    @Test
    void aHardLinkHasARealPathOfItsOwnAndIsKept() throws IOException {
        Path f = Files.writeString(dir.resolve("a.xml"), "x");
        Path hard = Files.createLink(dir.resolve("b.xml"), f);
        assertEquals(List.of(f, hard), distinct(List.of(f, hard)));
    }

    @Test
    void aNameWithoutAFileKeyIsComparedByItsRealPath() throws IOException {
        Path f = Files.writeString(dir.resolve("vm.xml"), "x");
        DistinctFiles files = new DistinctFiles();
        files.add(f, null);
        files.add(dir.resolve("./vm.xml"), null);
        assertEquals(List.of(f), List.copyOf(files.sorted()));
    }
}
