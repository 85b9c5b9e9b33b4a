package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A file of CPU descriptions, read and parsed strictly (any well-formedness problem is an error). */
public final class CpuFile {
    /** virsh refuses files over 10 MiB; so does virtcpu, with a clear message. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final String name;
    private final XmlDocument document;

    private CpuFile(String name, XmlDocument document) {
        this.name = name;
        this.document = document;
    }

    /** @param name the path as the user wrote it (used in messages) */
    public static CpuFile read(Path path, String name) throws InputException {
        String text = readText(path, name);
        XmlDocument doc = XmlParser.parse(text);
        if (!doc.problems().isEmpty()) {
            XmlProblem p = doc.problems().get(0);
            int others = doc.problems().size() - 1;
            String more = others == 0 ? "" : " (and " + others + " more problem" + (others == 1 ? "" : "s") + ")";
            throw new InputException(name + ":" + (doc.lines().line(p.start()) + 1) + ":"
                    + (doc.lines().column(p.start()) + 1) + ": " + p.message() + more);
        }
        return new CpuFile(name, doc);
    }

    public static String readText(Path path, String name) throws InputException {
        try {
            return decode(readBytes(path, name));
        } catch (NoSuchFileException e) {
            throw new InputException("Failed to open file '" + name + "': No such file or directory");
        } catch (AccessDeniedException e) {
            throw new InputException("Failed to open file '" + name + "': Permission denied");
        } catch (CharacterCodingException e) {
            throw new InputException("cannot read " + name + ": not valid UTF-8 or UTF-16");
        } catch (IOException e) {
            if (Files.isDirectory(path)) throw new InputException("cannot read " + name + ": it is a directory");
            throw new InputException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * The file's bytes, refused over {@link #MAX_BYTES}: one open, one size query, the reads (a set of
     * thousands of host files is read file by file, so no other system call is spent per file).
     */
    private static byte[] readBytes(Path path, String name) throws IOException, InputException {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            if (size > MAX_BYTES && !Files.isDirectory(path)) throw tooBig(name, size);
            byte[] bytes = new byte[(int) Math.min(size, MAX_BYTES)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until full or at the end
            }
            if (buffer.hasRemaining()) return Arrays.copyOf(bytes, buffer.position());
            ByteBuffer probe = ByteBuffer.allocate(1);
            if (channel.read(probe) < 0) return bytes;
            // It grew since its size was read (or has no size, like a pipe): read on, bounded.
            byte[] rest = Channels.newInputStream(channel).readNBytes((int) (MAX_BYTES - bytes.length));
            long total = (long) bytes.length + 1 + rest.length;
            if (total > MAX_BYTES) throw tooBig(name, total);
            byte[] all = Arrays.copyOf(bytes, (int) total);
            all[bytes.length] = probe.get(0);
            System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
            return all;
        }
    }

    private static InputException tooBig(String name, long size) {
        return new InputException("cannot read " + name + ": file is " + size + " bytes, over the 10 MiB limit");
    }

    /** The text, strictly decoded; plain ASCII (most host files) needs no decoder. */
    private static String decode(byte[] bytes) throws CharacterCodingException {
        java.nio.charset.Charset charset = encoding(bytes);
        if (charset == StandardCharsets.UTF_8 && isAscii(bytes)) return new String(bytes, StandardCharsets.ISO_8859_1);
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) return false;
        }
        return true;
    }

    /**
     * UTF-16 when the file says so the way XML does (a byte order mark, or {@code <?} as two-byte
     * characters), else UTF-8. A byte order mark stays in the text as U+FEFF, which the parser and
     * line map skip, so offsets and columns stay those of the file.
     */
    static java.nio.charset.Charset encoding(byte[] b) {
        return encodingOf(b);
    }

    /** The encoding {@link #readText} reads a file in (from its first four bytes): the one to write it back in. */
    public static java.nio.charset.Charset encodingOf(Path path) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return encodingOf(in.readNBytes(4));
        }
    }

    private static java.nio.charset.Charset encodingOf(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) return StandardCharsets.UTF_16LE;
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') return StandardCharsets.UTF_16BE;
        return StandardCharsets.UTF_8;
    }

    public String name() { return name; }

    public XmlDocument document() { return document; }

    /** The CPU elements virsh would extract from this file. */
    public List<XmlElement> cpuElements() {
        return CpuExtractor.extract(document.rootElements());
    }

    /** {@code FILE:LINE:COL} of a node. */
    public String location(XmlNode node) {
        return name + ":" + (document.lines().line(node.start()) + 1) + ":" + (document.lines().column(node.start()) + 1);
    }

    /**
     * Parses every extracted CPU as libvirt's hypervisor baseline does (type AUTO): a {@code <cpu>}
     * with {@code <arch>} is a host CPU, anything else (a domcapabilities host-model CPU, a guest
     * {@code <cpu>}) a guest CPU of {@code defaultArch}.
     */
    public static List<CpuDef> autoCpus(List<CpuFile> files, String defaultArch) throws LibvirtException {
        List<CpuDef> out = new ArrayList<>();
        for (CpuFile f : files) {
            for (XmlElement e : f.cpuElements()) {
                CpuDef cpu = e.name().equals("mode") ? CpuParser.parse(e, CpuDef.Type.GUEST) : CpuParser.parseAuto(e);
                if (cpu.arch == null) cpu.arch = defaultArch;
                out.add(cpu);
            }
        }
        return out;
    }

    /** Parses every extracted CPU as a host CPU, failing at the first problem like libvirt. */
    public static List<CpuDef> hostCpus(List<CpuFile> files) throws LibvirtException {
        List<CpuDef> out = new ArrayList<>();
        for (CpuFile f : files) {
            for (XmlElement e : f.cpuElements()) out.add(CpuParser.parse(e, CpuDef.Type.HOST));
        }
        return out;
    }
}
