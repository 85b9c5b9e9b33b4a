package dev.virtcpu.cli;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.cpu.InputException;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.cpuid.CpuData;
import dev.virtcpu.cpu.cpuid.CpuDataInput;
import dev.virtcpu.cpu.cpuid.CpuDataXml;
import dev.virtcpu.cpu.cpuid.HostDecoder;
import dev.virtcpu.cpu.cpuid.LocalCpu;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.CpuMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code virtcpu host}: the host CPU libvirt's capabilities would report for raw CPUID data. */
@Command(name = "host", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Decodes raw CPU data into the host <cpu> that 'virsh capabilities' reports for that CPU "
                + "(the format of libvirt's tests/cputestdata/x86_64-cpuid-*-host.xml), without libvirt.",
                "Input: libvirt's CPU data XML (<cpudata arch='x86'>), the output of 'cpuid -1r' (FILE, or - "
                        + "for standard input), or this machine (--local)."})
final class HostCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    MapOptions maps = new MapOptions();

    @Option(names = "--data", description = "Print the CPU data as libvirt's CPU data XML (what tests/cputestdata/cpu-data.py "
            + "writes) instead of decoding it.")
    boolean data;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--local", description = "Read this machine's CPU 0 from /dev/cpu/0/cpuid and /dev/cpu/0/msr (root).")
        boolean local;

        @Parameters(paramLabel = "FILE", description = "CPU data XML or 'cpuid -1r' output; - reads standard input.")
        String file;
    }

    private final InputStream stdin;

    HostCommand() {
        this(System.in);
    }

    HostCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CpuMap map = maps.map(err);
            CpuData cpu = input.local ? local(map.x86(), err) : CpuDataInput.parse(text(input.file), input.file.equals("-") ? "standard input" : input.file);
            if (data) {
                out.print(CpuDataXml.format(cpu, null));
            } else {
                CpuDef host = HostDecoder.decode(map, cpu);
                out.print(CpuFormatter.format(host));
            }
            out.flush();
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (LibvirtException e) {
            err.println("error: " + e.virshText());
            return 1;
        }
    }

    private static CpuData local(ArchMap map, PrintWriter err) throws InputException {
        LocalCpu.Reading r = LocalCpu.read(map);
        if (r.msrProblem() != null) err.println("note: " + r.msrProblem());
        return r.data();
    }

    private String text(String file) throws InputException {
        if (!file.equals("-")) return CpuFile.readText(Path.of(file), file);
        try {
            byte[] bytes = stdin.readNBytes((int) CpuFile.MAX_BYTES + 1);
            if (bytes.length > CpuFile.MAX_BYTES) throw new InputException("cannot read standard input: over the 10 MiB limit");
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read standard input: " + e.getMessage());
        }
    }
}
