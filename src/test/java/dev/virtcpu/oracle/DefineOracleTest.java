package dev.virtcpu.oracle;

import dev.virtcpu.model.TestMaps;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded {@code virsh define} outputs under {@code oracle/define} are what libvirt says today:
 * each domain is defined again on the live QEMU driver (libvirt 9.0.0), the 9.0.0 test driver and
 * the 12.8.0 test driver of the sid chroot, and the exit status, stdout and stderr compared.
 */
class DefineOracleTest {
    static final Path DIR = TestMaps.testResources().resolve("oracle/define");

    @TestFactory
    List<DynamicTest> qemuDriver900() throws IOException {
        return tests("qemu-9.0.0", xml -> {
            Virsh.Result r = LiveLibvirtd.run(null, "define", xml.toString());
            String name = domainName(xml);
            if (r.exit() == 0) LiveLibvirtd.run(null, "undefine", name);
            return r;
        });
    }

    @TestFactory
    List<DynamicTest> testDriver900() throws IOException {
        return tests("test-9.0.0", xml -> Virsh.system(Prerequisites.systemVirsh())
                .run(List.of("-c", "test:///default", "define", xml.toString()), null));
    }

    @TestFactory
    List<DynamicTest> testDriver1280() throws IOException {
        return tests("test-12.8.0", xml -> {
            Path chroot = Prerequisites.sidChroot();
            Path inside = chroot.resolve("tmp/virtcpu-oracle");
            Files.createDirectories(inside);
            Path copy = inside.resolve(xml.getFileName().toString());
            Files.copy(xml, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                return Virsh.chroot(chroot).run(List.of("-c", "test:///default", "define",
                        "/tmp/virtcpu-oracle/" + xml.getFileName()), null);
            } finally {
                Files.deleteIfExists(copy);
            }
        });
    }

    interface Define {
        Virsh.Result run(Path xml) throws Exception;
    }

    private static List<DynamicTest> tests(String oracle, Define define) throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path xml : cases()) {
            String recorded = Files.readString(xml.resolveSibling(caseName(xml) + "." + oracle + ".txt"), StandardCharsets.UTF_8);
            out.add(DynamicTest.dynamicTest(caseName(xml), () -> {
                Virsh.Result r = define.run(xml);
                assertEquals(recorded.substring(recorded.indexOf('\n') + 1), render(r, xml), xml + " on " + oracle);
            }));
        }
        return out;
    }

    /** The body of a recorded file (after its command line), the file named as the recording named it. */
    private static String render(Virsh.Result r, Path xml) {
        String name = xml.getFileName().toString();
        String out = r.stdoutText().replace(xml.toString(), name).replace("/tmp/virtcpu-oracle/" + name, name);
        String err = r.stderrText().replace(xml.toString(), name).replace("/tmp/virtcpu-oracle/" + name, name);
        return "exit " + r.exit() + "\nstdout:\n" + out + "stderr:\n" + err;
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> xml = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
            assertTrue(xml.size() >= 10, "the define oracle fixtures under " + DIR);
            return xml;
        }
    }

    static String caseName(Path xml) {
        String f = xml.getFileName().toString();
        return f.substring(0, f.length() - 4);
    }

    static String domainName(Path xml) throws IOException {
        String text = Files.readString(xml, StandardCharsets.UTF_8);
        int start = text.indexOf("<name>") + 6;
        return text.substring(start, text.indexOf("</name>", start));
    }
}
