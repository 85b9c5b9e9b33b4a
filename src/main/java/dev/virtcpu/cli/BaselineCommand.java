package dev.virtcpu.cli;

import dev.virtcpu.cpu.Baseline;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuExtractor;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.QemuBaseline;
import dev.virtcpu.hosts.GuestView;
import dev.virtcpu.model.CpuMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code virtcpu baseline}: what {@code virsh cpu-baseline} prints, computed offline. */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Computes the baseline CPU of the host CPUs in FILE(s), byte for byte as "
                + "'virsh cpu-baseline' prints it.",
                "With --hypervisor: the guest-facing baseline, what QEMU/KVM can give a guest on every host "
                        + "(as 'virsh hypervisor-cpu-baseline' computes it): domcapabilities host-model CPUs as they "
                        + "are, capabilities host CPUs without the features KVM does not give guests, fallback='forbid'.",
                "FILE may hold bare host <cpu> elements, capabilities, domain or domcapabilities XML, "
                        + "several documents concatenated."})
final class BaselineCommand extends VirshStyleCommand {
    @Option(names = "--features", description = "List every feature of the baseline model, sorted by name.")
    boolean features;

    @Option(names = "--migratable", description = "Leave out features that block migration (invtsc, xsaves).")
    boolean migratable;

    @Mixin
    MapOptions maps = new MapOptions();

    @Option(names = "--driver", paramLabel = "DRIVER", defaultValue = "test",
            description = "Whose cpu-baseline to reproduce: test (virsh -c test:///default, the default) or qemu "
                    + "(virsh -c qemu:///system: drops the features QEMU ignores, such as osxsave and cmt).")
    Driver driver = Driver.test;

    enum Driver { test, qemu }

    @Option(names = "--hypervisor", description = "The guest-facing baseline (what QEMU/KVM gives guests on every host); "
            + "accepts domcapabilities files.")
    boolean hypervisor;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Host CPU description files.")
    List<String> files;

    /**
     * The options as parsed without picocli, for the plain invocations that scripts and CI make
     * (picocli's start-up is a third of a 10 000-host run); null when the arguments need picocli
     * (help, version, anything unusual), which then parses and reports them.
     */
    static BaselineCommand parseSimple(String[] args) {
        BaselineCommand c = new BaselineCommand();
        c.files = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--features")) c.features = true;
            else if (a.equals("--migratable")) c.migratable = true;
            else if (a.equals("--cpu-map") && i + 1 < args.length && !args[i + 1].startsWith("-")) c.maps.cpuMap = Path.of(args[++i]);
            else if (a.startsWith("--cpu-map=") && a.length() > 10) c.maps.cpuMap = Path.of(a.substring(10));
            else if (a.equals("--libvirt") && i + 1 < args.length && !args[i + 1].startsWith("-")) c.maps.libvirt = args[++i];
            else if (a.startsWith("--libvirt=") && a.length() > 10) c.maps.libvirt = a.substring(10);
            else if (a.equals("--driver") && i + 1 < args.length && args[i + 1].equals("qemu")) {
                c.driver = Driver.qemu;
                i++;
            }
            else if (a.equals("--driver=qemu")) c.driver = Driver.qemu;
            else if (a.equals("--hypervisor")) c.hypervisor = true;
            else if (a.startsWith("-")) return null;
            else c.files.add(a);
        }
        return c.files.isEmpty() ? null : c;
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        List<CpuFile> inputs = List.of();
        try {
            CpuMap map = maps.map(err);
            inputs = CommandSupport.read(files, err);
            int found = 0;
            for (CpuFile f : inputs) found += f.cpuElements().size();
            if (found == 0) {
                err.println("error: " + CpuExtractor.nothingFoundMessage(files.get(0)));
                return 1;
            }
            List<CpuDef> cpus = hypervisor ? CpuFile.autoCpus(inputs, "x86_64") : CpuFile.hostCpus(inputs);
            Baseline.Hypervisor hv = hypervisor && map.x86() != null ? GuestView.hypervisor(map.x86()) : null;
            CpuDef result = driver == Driver.qemu && !hypervisor ? QemuBaseline.compute(map, cpus, features, migratable)
                    : Baseline.compute(map, cpus, new Baseline.Options(features, migratable, hv));
            out.print(CpuFormatter.format(result));
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        } catch (LibvirtException e) {
            return CommandSupport.fail(e, inputs, err).status;
        }
    }
}
