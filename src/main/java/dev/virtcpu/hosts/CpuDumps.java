package dev.virtcpu.hosts;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.InputException;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.cpuid.CpuData;
import dev.virtcpu.cpu.cpuid.CpuDataInput;
import dev.virtcpu.cpu.cpuid.CpuDataXml;
import dev.virtcpu.cpu.cpuid.CpuidText;
import dev.virtcpu.cpu.cpuid.HostDecoder;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlDocument;

import java.nio.file.Path;
import java.util.List;

/**
 * Hosts given as raw CPU data: libvirt's CPU data XML ({@code <cpudata arch='x86'>}) or
 * {@code cpuid -1r} output ({@code .cpuid}, {@code .txt}). Such a host's CPU is known only per CPU
 * map: the host-set evaluation decodes it with the set's map, as libvirt's capabilities would.
 */
final class CpuDumps {
    private CpuDumps() {
    }

    /** A {@code .cpuid} or {@code .txt} file that is not XML: {@code cpuid -1r} output. */
    static boolean isCpuidOutput(Path file, String text) {
        return file.getFileName() != null && CpuDataInput.isCpuidFileName(file.getFileName().toString())
                && CpuidText.looksLikeCpuid(text);
    }

    /** A {@code cpuid -1r} file. */
    static HostFileReader.Result fromText(Path file, String name, String text, List<Problem> problems) {
        try {
            return one(file, name, CpuDataInput.parse(text, file.toString()), problems);
        } catch (InputException e) {
            problems.add(new Problem(file, 0, Math.min(text.length(), 1), "host-file-cpu-data", e.getMessage()));
            return new HostFileReader.Result(List.of(), problems);
        }
    }

    /** A document whose root is {@code <cpudata>}. */
    static HostFileReader.Result fromXml(Path file, String name, XmlDocument doc, List<Problem> problems) {
        try {
            return one(file, name, CpuDataXml.parse(doc, file.toString()).masked(), problems);
        } catch (InputException e) {
            problems.add(new Problem(file, doc.rootElement().start(), doc.rootElement().start() + 1, "host-file-cpu-data",
                    e.getMessage()));
            return new HostFileReader.Result(List.of(), problems);
        }
    }

    private static HostFileReader.Result one(Path file, String name, CpuData data, List<Problem> problems) {
        CpuDef cpu = new CpuDef();
        cpu.type = CpuDef.Type.HOST;
        cpu.arch = "x86_64";
        cpu.rawData = data;
        Host host = new Host(name != null ? name : HostFileReader.baseName(file), file, 0, 0, cpu);
        return new HostFileReader.Result(List.of(host), problems);
    }

    /** The host with its CPU decoded by {@code map} when it is raw CPU data; otherwise the host itself. */
    static Host decoded(Host host, CpuMap map) throws LibvirtException {
        if (host.cpu().rawData == null) return host;
        return new Host(host.name(), host.file(), host.line(), host.column(), HostDecoder.decode(map, host.cpu().rawData));
    }
}
