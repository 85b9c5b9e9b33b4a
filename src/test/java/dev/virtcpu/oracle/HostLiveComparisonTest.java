package dev.virtcpu.oracle;

import dev.virtcpu.model.CpuMapLoader;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Register;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code virtcpu host} on this machine against the host CPU that the live libvirtd reports in
 * {@code virsh -c qemu:///system capabilities} (libvirt 9.0.0, its own cpu_map): model, vendor,
 * signature and CPUID features; MSR-based features only where virtcpu could read the MSRs.
 */
class HostLiveComparisonTest {

    /** The parts of a host {@code <cpu>} that CPU data decides. */
    record HostCpu(String model, String vendor, String signature, Set<String> features) {
        HostCpu without(Set<String> names) {
            Set<String> f = new LinkedHashSet<>(features);
            f.removeAll(names);
            return new HostCpu(model, vendor, signature, f);
        }
    }

    @Test
    void cpuidOutputDecodesAsLibvirtdReports() throws Exception {
        HostCpu libvirtd = libvirtdHost();
        HostCpu mine = parse(virtcpuHost(cpuidTool(), "-"));
        compare(libvirtd, mine, false);
    }

    @Test
    void localDecodesAsLibvirtdReports() throws Exception {
        HostCpu libvirtd = libvirtdHost();
        LiveLibvirtd.require(Files.isReadable(Path.of("/dev/cpu/0/cpuid")), "a readable /dev/cpu/0/cpuid",
                "root and the cpuid kernel module (.ci/libvirtd.sh loads it)");
        boolean msrs = Files.isReadable(Path.of("/dev/cpu/0/msr"));
        HostCpu local = parse(virtcpuHost(null, "--local"));
        HostCpu kernel = parse(virtcpuHost(cpuidTool("-k"), "-"));
        HostCpu instruction = parse(virtcpuHost(cpuidTool(), "-"));
        // 'cpuid -1rk' prints no MSRs: with MSR-based features --local may decode to another model.
        HostCpu localCpuid = local.without(msrFeatures());
        boolean localHasMsrs = !localCpuid.equals(local);
        assertEquals(kernel.vendor() + " " + kernel.signature() + " " + kernel.features(),
                localCpuid.vendor() + " " + localCpuid.signature() + " " + localCpuid.features(),
                "--local reads what 'cpuid -1rk' reads from /dev/cpu/0/cpuid");
        if (!localHasMsrs) assertEquals(kernel.model(), local.model(), "model");
        if (!kernel.equals(instruction)) {
            System.out.println("NOTE: on this machine the kernel's CPUID device (/dev/cpu/0/cpuid, 'cpuid -1rk') answers "
                    + "differently from the CPUID instruction libvirtd executes ('cpuid -1r'), so --local cannot match "
                    + "libvirtd here; compared with 'cpuid -1rk' instead. libvirtd: " + libvirtd + "; --local: " + local);
            return;
        }
        compare(libvirtd, local, msrs);
    }

    private static void compare(HostCpu libvirtd, HostCpu mine, boolean withMsrs) throws Exception {
        Set<String> msr = msrFeatures();
        boolean libvirtdReadMsrs = libvirtd.features().stream().anyMatch(msr::contains);
        HostCpu theirs = withMsrs ? libvirtd : libvirtd.without(msr);
        HostCpu ours = withMsrs ? mine : mine.without(msr);
        assertEquals(theirs.vendor(), ours.vendor(), "vendor");
        assertEquals(theirs.signature(), ours.signature(), "signature");
        assertEquals(theirs.features(), ours.features(), "features");
        if (withMsrs || !libvirtdReadMsrs) {
            assertEquals(theirs.model(), ours.model(), "model");
        } else {
            System.out.println("NOTE: libvirtd read MSRs virtcpu could not; models: libvirtd " + theirs.model() + ", virtcpu " + ours.model());
        }
        System.out.println("live host CPU: " + theirs.model() + ", " + theirs.vendor() + ", signature " + theirs.signature()
                + ", " + theirs.features().size() + " features" + (withMsrs ? " (MSRs compared)" : " (MSR-based features not compared)"));
    }

    private static HostCpu libvirtdHost() throws Exception {
        Virsh.Result caps = LiveLibvirtd.run(null, "capabilities");
        assertEquals(0, caps.exit(), caps.stderrText());
        Element root = parseXml(caps.stdoutText());
        Element host = (Element) root.getElementsByTagName("host").item(0);
        return cpu((Element) host.getElementsByTagName("cpu").item(0));
    }

    private static HostCpu parse(String xml) throws Exception {
        return cpu(parseXml(xml));
    }

    private static HostCpu cpu(Element cpu) {
        Element sig = (Element) cpu.getElementsByTagName("signature").item(0);
        Set<String> features = new LinkedHashSet<>();
        NodeList list = cpu.getElementsByTagName("feature");
        for (int i = 0; i < list.getLength(); i++) features.add(((Element) list.item(i)).getAttribute("name"));
        return new HostCpu(text(cpu, "model"), text(cpu, "vendor"), sig == null ? null
                : sig.getAttribute("family") + "/" + sig.getAttribute("model") + "/" + sig.getAttribute("stepping"), features);
    }

    private static String text(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().strip();
    }

    private static Element parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static Set<String> msrFeatures() throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (Feature f : CpuMapLoader.load(LiveLibvirtd.CPU_MAP).x86().features()) {
            if (f.register() != null && f.register().kind() == Register.Kind.MSR) out.add(f.name());
        }
        return out;
    }

    /** The output of {@code cpuid -1r [extra]} (Debian package cpuid). */
    private static String cpuidTool(String... extra) throws Exception {
        var cpuid = Prerequisites.onPath("cpuid");
        LiveLibvirtd.require(cpuid.isPresent(), "cpuid", ".ci/install-deps.sh (Debian package cpuid)");
        List<String> cmd = new ArrayList<>(List.of(cpuid.get().toString(), "-1r"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    /** {@code virtcpu host --cpu-map (the daemon's map) INPUT}, given {@code stdin}; its stdout. */
    private static String virtcpuHost(String stdin, String input) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit = dev.virtcpu.cli.Main.run(new String[]{"host", "--cpu-map", LiveLibvirtd.CPU_MAP.toString(), input},
                new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, "virtcpu host " + input + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
