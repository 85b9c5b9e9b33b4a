package dev.virtcpu.lint;

import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lint --fix} loses nothing about the files it rewrites: links, owner, group, mode, hard links,
 * read-only files, line endings; a file named twice is fixed and reported once; no backup is left.
 */
class LintFixFileSafetyTest {
    private static final String BROKEN = "<domain type='kvm'>\n  <cpu mode='custom' match='exact'>\n"
            + "    <model>Haswell-noTSX-IBRS</model>\n    <feature policy='require' name='abm'/>\n"
            + "    <feature policy='require' name='abm'/>\n  </cpu>\n</domain>\n";
    private static final String FIXED = BROKEN.replaceFirst("    <feature policy='require' name='abm'/>\n", "");

    @TempDir
    Path dir;

    private Path domain(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetIsFixed() throws IOException {
        Path target = domain("real.xml", BROKEN);
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), Path.of("real.xml"));
        LintRun run = lint("--fix", link.toString());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(FIXED, read(target));
        assertTrue(run.out().contains("fixed " + link + " (" + target.toRealPath() + ")"), run.toString());
    }

    @Test
    void aUtf16FileStaysUtf16WithItsByteOrderMark() throws IOException {
        Path f = dir.resolve("vm.xml");
        Files.write(f, ("\uFEFF" + BROKEN).getBytes(StandardCharsets.UTF_16LE));
        LintRun run = lint("--fix", f.toString());
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0xFF, bytes[0] & 0xFF, run.toString());
        assertEquals(0xFE, bytes[1] & 0xFF, run.toString());
        assertEquals("\uFEFF" + FIXED, new String(bytes, StandardCharsets.UTF_16LE), run.toString());
    }

    @Test
    void ownerGroupAndModeAreKept() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Prerequisites.requireOrSkip(root, "root (to give a file to another user)", "running the tests as root, as CI does");
        Path f = domain("vm.xml", BROKEN);
        Files.setAttribute(f, "unix:uid", 4242);
        Files.setAttribute(f, "unix:gid", 4343);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        lint("--fix", f.toString());
        assertEquals(FIXED, read(f));
        assertEquals(4242, Files.getAttribute(f, "unix:uid"));
        assertEquals(4343, Files.getAttribute(f, "unix:gid"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void hardLinksStayLinked() throws IOException {
        Path a = domain("a.xml", BROKEN);
        Path b = Files.createLink(dir.resolve("b.txt"), a);
        Object inode = Files.getAttribute(a, "unix:ino");
        lint("--fix", a.toString());
        assertEquals(FIXED, read(b));
        assertEquals(inode, Files.getAttribute(a, "unix:ino"));
        assertEquals(2, Files.getAttribute(a, "unix:nlink"));
    }

    @Test
    void aReadOnlyFileIsRefusedWithAReason() throws IOException {
        Path f = domain("vm.xml", BROKEN);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        LintRun run = lint("--fix", f.toString());
        assertEquals(BROKEN, read(f));
        assertTrue(run.err().contains("not fixing " + f + ": the file is read-only (--force rewrites it anyway)"), run.toString());
        assertEquals(1, run.exit(), "the finding is still there");
    }

    @Test
    void forceRewritesAReadOnlyFileAndKeepsItReadOnly() throws IOException {
        Path f = domain("vm.xml", BROKEN);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        LintRun run = lint("--fix", "--force", f.toString());
        assertEquals(FIXED, read(f));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void loneCarriageReturnsStayLoneCarriageReturns() throws IOException {
        Path f = domain("vm.xml", BROKEN.replace("\n", "\r"));
        lint("--fix", f.toString());
        assertEquals(FIXED.replace("\n", "\r"), read(f));
    }

    @Test
    void crlfStaysCrlf() throws IOException {
        Path f = domain("vm.xml", BROKEN.replace("\n", "\r\n"));
        lint("--fix", f.toString());
        assertEquals(FIXED.replace("\n", "\r\n"), read(f));
    }

    @Test
    void aFileNamedSeveralWaysIsFixedAndReportedOnce() throws IOException {
        Path f = domain("vm.xml", BROKEN);
        Files.createSymbolicLink(dir.resolve("alias.xml"), f);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("again.xml"), f);
        LintRun run = lint("--fix", f.toString(), f.toString(), dir.resolve("./vm.xml").toString(),
                dir.resolve("sub/../vm.xml").toString(), dir.resolve("alias.xml").toString(), dir.toString());
        assertEquals(FIXED, read(f));
        assertEquals(1, run.lines().stream().filter(l -> l.startsWith("fixed ")).count(), run.toString());
        assertFalse(run.err().contains("not fixing"), run.toString());
    }

    @Test
    void moreFixableProblemsThanFindingsShownAreAllFixed() throws IOException {
        String line = "    <feature policy='require' name='abm'/>\n";
        Path f = domain("vm.xml", BROKEN.replace(line + line, line.repeat(3000)));
        LintRun run = lint("--fix", f.toString());
        assertEquals(FIXED, read(f));
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void noBackupCopyIsLeftBehind() throws IOException {
        domain("vm.xml", BROKEN);
        lint("--fix", dir.toString());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("vm.xml")), s.toList());
        }
    }

    @Test
    void aLinkToADirectoryOrAMissingFileIsNotFollowedIntoAWrite() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.xml"), dir.resolve("nowhere.xml"));
        LintRun run = lint("--fix", dangling.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(Files.isSymbolicLink(dangling));
        assertFalse(Files.exists(dir.resolve("nowhere.xml"), LinkOption.NOFOLLOW_LINKS));
    }
}
