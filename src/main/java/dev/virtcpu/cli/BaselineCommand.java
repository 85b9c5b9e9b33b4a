package dev.virtcpu.cli;

import dev.virtcpu.cpu.Baseline;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuExtractor;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.model.CpuMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code virtcpu baseline}: what {@code virsh cpu-baseline} prints, computed offline. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Computes the baseline CPU of the host CPUs in FILE(s), byte for byte as "
                + "'virsh cpu-baseline' prints it.",
                "FILE may hold bare host <cpu> elements, capabilities, domain or domcapabilities XML, "
                        + "several documents concatenated."})
final class BaselineCommand extends VirshStyleCommand {
    @Option(names = "--features", description = "List every feature of the baseline model, sorted by name.")
    boolean features;

    @Option(names = "--migratable", description = "Leave out features that block migration (invtsc, xsaves).")
    boolean migratable;

    @Option(names = "--cpu-map", paramLabel = "DIR", description = "libvirt cpu_map directory (default: the bundled map).")
    Path cpuMap;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Host CPU description files.")
    List<String> files;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        List<CpuFile> inputs = List.of();
        try {
            CpuMap map = CommandSupport.map(cpuMap, err);
            inputs = CommandSupport.read(files, err);
            int found = 0;
            for (CpuFile f : inputs) found += f.cpuElements().size();
            if (found == 0) {
                err.println("error: " + CpuExtractor.nothingFoundMessage(files.get(0)));
                return 1;
            }
            List<CpuDef> cpus = CpuFile.hostCpus(inputs);
            CpuDef result = Baseline.compute(map, cpus, new Baseline.Options(features, migratable));
            out.print(CpuFormatter.format(result));
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        } catch (LibvirtException e) {
            return CommandSupport.fail(e, inputs, err).status;
        }
    }
}
