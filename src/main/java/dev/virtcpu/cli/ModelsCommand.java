package dev.virtcpu.cli;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code virtcpu models}: the CPU models of the map, in libvirt's load order (like 'virsh cpu-models'). */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Lists the CPU models of the map.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
            description = "Architecture: x86_64, i686, ppc64, ppc64le, aarch64 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = {"-l", "--long"}, description = "Also show vendor, canonical alias and whether guests can use it.")
    boolean details;

    @Mixin
    MapOptions maps = new MapOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ArchMap archMap = CommandSupport.arch(maps.map(err), arch, err);
            String family = archMap.name();
            if (archMap.models().isEmpty()) {
                err.println("error: the CPU map has no models for " + arch);
                return 1;
            }
            for (Model m : archMap.models()) {
                if (!details) {
                    out.println(m.name());
                    continue;
                }
                StringBuilder sb = new StringBuilder(m.name());
                sb.append('\t').append(m.vendor() == null ? "-" : m.vendor().name());
                if (m.aliasOf() != null) sb.append("\talias of ").append(m.aliasOf());
                else if (m.canonical() != null) sb.append("\tcanonical ").append(m.canonical());
                if (family.equals("x86") && !m.decodeGuest()) sb.append("\tnever chosen by baseline");
                out.println(sb);
            }
            out.flush();
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        }
    }
}
