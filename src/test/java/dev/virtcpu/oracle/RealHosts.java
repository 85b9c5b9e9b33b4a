package dev.virtcpu.oracle;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuParser;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.hosts.Host;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 51 real CPUs of libvirt 11.3.0's test data that have both views, as hosts: the capabilities view
 * ({@code -host.xml}, a host CPU) or the QEMU/KVM view ({@code -json.xml}, read as a domcapabilities
 * host-model CPU).
 */
public final class RealHosts {
    public static final Path DATA = Path.of("src/test/resources/libvirt-cputestdata/11.3.0");

    /** One real CPU. */
    public record Cpu(String name, String vendor) {
        public Path capabilities() { return project().resolve(DATA).resolve("x86_64-cpuid-" + name + "-host.xml"); }

        public Path qemuView() { return project().resolve(DATA).resolve("x86_64-cpuid-" + name + "-json.xml"); }

        /** The host as {@code virsh capabilities} describes it. */
        public Host capabilitiesHost(String hostName) {
            return host(hostName, capabilities(), CpuDef.Type.HOST);
        }

        /** The host as {@code virsh domcapabilities} describes it (its host-model CPU). */
        public Host domcapabilitiesHost(String hostName) {
            return host(hostName, qemuView(), CpuDef.Type.GUEST);
        }
    }

    private RealHosts() {
    }

    public static List<Cpu> all() {
        List<Cpu> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(project().resolve(DATA))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.endsWith("-json.xml")) continue;
                String name = n.substring("x86_64-cpuid-".length(), n.length() - "-json.xml".length());
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.add(new Cpu(name, text.contains("<vendor>AMD</vendor>") ? "AMD" : text.contains("<vendor>Hygon</vendor>") ? "Hygon" : "Intel"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static Cpu named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no CPU " + name));
    }

    private static Host host(String hostName, Path file, CpuDef.Type type) {
        try {
            CpuDef cpu = CpuParser.parse(XmlParser.parse(Files.readString(file, StandardCharsets.UTF_8)).rootElement(), type);
            if (cpu.arch == null) cpu.arch = "x86_64";
            return new Host(hostName, file, 0, 0, cpu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LibvirtException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    static Path project() {
        return Path.of(System.getProperty("virtcpu.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
    }
}
