package dev.virtcpu.cli;

import dev.virtcpu.cpu.Compare;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuExtractor;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuParser;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlElement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/** {@code virtcpu compare}: 'virsh cpu-compare' against a host description instead of the local host. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compares the first CPU in FILE with the host CPU in HOSTFILE, with 'virsh cpu-compare''s "
                + "messages and exit status.")
final class CompareCommand extends VirshStyleCommand {
    @Option(names = "--host", required = true, paramLabel = "HOSTFILE",
            description = "Host description: capabilities output or a host <cpu>.")
    String host;

    @Option(names = "--error", description = "Report an incompatible CPU as an error, with the reason.")
    boolean error;

    @Mixin
    MapOptions maps = new MapOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "CPU definition: a <cpu>, domain XML, capabilities...")
    String file;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        List<CpuFile> inputs = List.of();
        try {
            CpuMap map = maps.map(err);
            inputs = CommandSupport.read(List.of(host, file), err);
            List<XmlElement> hostCpus = inputs.get(0).cpuElements();
            List<XmlElement> cpus = inputs.get(1).cpuElements();
            if (hostCpus.isEmpty()) {
                err.println("error: " + CpuExtractor.nothingFoundMessage(host));
                return 1;
            }
            if (cpus.isEmpty()) {
                err.println("error: " + CpuExtractor.nothingFoundMessage(file));
                return 1;
            }
            CpuDef hostCpu = CpuParser.parse(hostCpus.get(0), CpuDef.Type.HOST);
            CpuDef cpu = CpuParser.parseAuto(cpus.get(0));
            String family = CpuMap.familyOf(hostCpu.arch);
            if (!"x86".equals(family)) {
                err.println("error: Failed to compare host CPU with " + file);
                err.println("error: this function is not supported by the connection driver: cannot compare CPUs of "
                        + hostCpu.arch + " architecture");
                return 1;
            }
            Compare.Result r = Compare.compare(map.x86(), hostCpu, cpu);
            switch (r.verdict()) {
                case IDENTICAL -> out.println("CPU described in " + file + " is identical to host CPU");
                case SUPERSET -> out.println("Host CPU is a superset of CPU described in " + file);
                default -> {
                    if (error) {
                        err.println("error: Failed to compare host CPU with " + file);
                        err.println("error: the CPU is incompatible with host CPU: " + r.reason());
                    } else {
                        out.println("CPU described in " + file + " is incompatible with host CPU");
                    }
                    out.flush();
                    return 1;
                }
            }
            out.flush();
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        } catch (LibvirtException e) {
            err.println("error: Failed to compare host CPU with " + file);
            return CommandSupport.fail(e, inputs, err).status;
        }
    }
}
