package dev.virtcpu.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading a CPU description file's text: encodings, and each way it cannot be read, said plainly. */
class CpuFileReadTest {
    @TempDir
    Path dir;

    private String read(Path file) throws InputException {
        return CpuFile.readText(file, "given/" + file.getFileName());
    }

    private String refusal(Path file) {
        return assertThrows(InputException.class, () -> read(file)).getMessage();
    }

    @Test
    void asciiTextIsReadAsIs() throws Exception {
        Path f = Files.writeString(dir.resolve("h.xml"), "<cpu><arch>x86_64</arch></cpu>\n");
        assertEquals("<cpu><arch>x86_64</arch></cpu>\n", read(f));
    }

    @Test
    void utf8TextIsDecoded() throws Exception {
        Path f = Files.writeString(dir.resolve("h.xml"), "<!-- h\u00f4te \u2603 --><cpu/>", StandardCharsets.UTF_8);
        assertEquals("<!-- h\u00f4te \u2603 --><cpu/>", read(f));
    }

    @Test
    void utf16WithAByteOrderMarkIsDecodedAndKeepsTheMark() throws Exception {
        Path f = Files.write(dir.resolve("h.xml"), "\uFEFF<cpu/>".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("\uFEFF<cpu/>", read(f));
    }

    @Test
    void anEmptyFileIsEmptyText() throws Exception {
        assertEquals("", read(Files.createFile(dir.resolve("h.xml"))));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path f = Files.write(dir.resolve("h.xml"), new byte[]{'<', 'a', (byte) 0xC3, '>'});
        assertEquals("cannot read given/h.xml: not valid UTF-8 or UTF-16", refusal(f));
    }

    @Test
    void aDirectoryIsRefusedAsADirectory() throws Exception {
        assertEquals("cannot read given/d.xml: it is a directory", refusal(Files.createDirectory(dir.resolve("d.xml"))));
    }

    @Test
    void aMissingFileIsRefusedAsVirshDoes() {
        assertEquals("Failed to open file 'given/none.xml': No such file or directory", refusal(dir.resolve("none.xml")));
    }

    @Test
    void aFileOverTenMebibytesIsRefusedUnread() throws IOException {
        Path f = dir.resolve("big.xml");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(CpuFile.MAX_BYTES + 1);
        }
        assertEquals("cannot read given/big.xml: file is 10485761 bytes, over the 10 MiB limit", refusal(f));
    }

    @Test
    void aFileOfExactlyTenMebibytesIsRead() throws Exception {
        Path f = dir.resolve("limit.xml");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(CpuFile.MAX_BYTES);
        }
        assertEquals(CpuFile.MAX_BYTES, read(f).length());
    }
}
