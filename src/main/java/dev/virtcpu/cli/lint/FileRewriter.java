package dev.virtcpu.cli.lint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rewrites a file that {@code lint --fix} changed without losing anything about it: a symlink's
 * target is edited (the link stays), and the file is rewritten in place (same inode: owner, group,
 * mode, hard links, ACLs and extended attributes stay) after a verified backup copy of its old bytes.
 * Nothing is written when the file changed since it was read, when it is not a regular file, or when
 * it is read-only and not forced.
 */
public final class FileRewriter {
    /** What happened: {@code refusal} is null when the new bytes were written to {@code target}. */
    public record Result(Path target, String refusal) {
        public boolean written() { return refusal == null; }
    }

    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private FileRewriter() {
    }

    /**
     * @param expected    the bytes the fix was computed from (the file must still hold them)
     * @param replacement the new bytes
     * @param force       also rewrite a read-only file
     */
    public static Result rewrite(Path file, byte[] expected, byte[] replacement, boolean force) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            return new Result(file, "cannot resolve " + file + ": " + reason(e));
        }
        try {
            String refusal = check(target, expected, force);
            if (refusal != null) return new Result(target, refusal);
            return writeInPlace(target, expected, replacement);
        } catch (IOException e) {
            return new Result(target, reason(e));
        }
    }

    private static String check(Path target, byte[] expected, boolean force) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) return "not a regular file";
        if (readOnly(target) && !force) return "the file is read-only (--force rewrites it anyway)";
        if (!Arrays.equals(Files.readAllBytes(target), expected)) return "the file changed since it was read";
        return null;
    }

    private static boolean readOnly(Path target) throws IOException {
        Set<PosixFilePermission> perms = posix(target) == null ? null : posix(target).permissions();
        boolean noWriteBit = perms != null && perms.stream().noneMatch(WRITE_BITS::contains);
        return noWriteBit || !Files.isWritable(target);
    }

    private static Result writeInPlace(Path target, byte[] expected, byte[] replacement) throws IOException {
        Set<PosixFilePermission> restorePerms = makeWritable(target);
        // Opened before anything is written, so a file that cannot be written is left as it is.
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            Path backup = backup(target, expected);
            try {
                write(ch, replacement);
                if (!Arrays.equals(Files.readAllBytes(target), replacement)) throw new IOException("read-back differs");
            } catch (IOException e) {
                try {
                    write(ch, expected);
                } catch (IOException again) {
                    return new Result(target, "writing failed (" + reason(e) + ") and so did restoring the old content ("
                            + reason(again) + "); it is kept in " + backup);
                }
                Files.deleteIfExists(backup);
                return new Result(target, "writing failed, old content restored: " + reason(e));
            }
            Files.deleteIfExists(backup);
            return new Result(target, null);
        } finally {
            if (restorePerms != null) Files.setPosixFilePermissions(target, restorePerms);
        }
    }

    /** A private copy of the old bytes next to the file (or in the temporary directory), read back to verify it. */
    private static Path backup(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        Path backup = Files.isWritable(dir) ? Files.createTempFile(dir, prefix, ".virtcpu-backup")
                : Files.createTempFile(prefix, ".virtcpu-backup");
        try {
            write(backup, bytes);
            if (!Arrays.equals(Files.readAllBytes(backup), bytes)) throw new IOException("backup copy " + backup + " differs");
        } catch (IOException e) {
            Files.deleteIfExists(backup);
            throw new IOException("cannot make a backup copy: " + reason(e), e);
        }
        return backup;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            write(ch, bytes);
        }
    }

    /** Same inode: write from the start without truncating first, cut to length, flush to disk. */
    private static void write(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) ch.write(buf, buf.position());
        ch.truncate(bytes.length);
        ch.force(true);
    }

    /** A forced read-only file the user owns: owner write for the time of the rewrite (returns the permissions to restore). */
    private static Set<PosixFilePermission> makeWritable(Path target) throws IOException {
        if (Files.isWritable(target)) return null;
        PosixFileAttributes a = posix(target);
        if (a == null) throw new AccessDeniedException(target.toString());
        Set<PosixFilePermission> writable = EnumSet.copyOf(a.permissions());
        writable.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(target, writable);
        return a.permissions();
    }

    private static PosixFileAttributes posix(Path target) throws IOException {
        try {
            return Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
