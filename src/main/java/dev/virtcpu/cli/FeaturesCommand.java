package dev.virtcpu.cli;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code virtcpu features}: the features of the map, or of one model, with their CPUID/MSR bits. */
@Command(name = "features", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists CPU features in map order: name, CPUID/MSR location, migration blocker mark.")
final class FeaturesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only the features of this model.")
    String model;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64", description = "Architecture (default: ${DEFAULT-VALUE}).")
    String arch;

    @Mixin
    MapOptions maps = new MapOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ArchMap archMap = CommandSupport.arch(maps.map(err), arch, err);
            if (model == null) {
                for (Feature f : archMap.features()) out.println(line(f));
                out.flush();
                return 0;
            }
            Model m = archMap.model(model);
            if (m == null) {
                err.println("error: internal error: Unknown CPU model " + model);
                return 1;
            }
            FeatureSet data = m.data();
            for (int i = data.nextSet(0); i >= 0; i = data.nextSet(i + 1)) out.println(line(archMap.feature(i)));
            for (Feature f : m.removed()) out.println(line(f) + "\tremoved (disabled in guests)");
            for (Feature f : m.added()) out.println(line(f) + "\tadded (ignored by check='full')");
            out.flush();
            return 0;
        } catch (CommandSupport.Failure f) {
            return f.status;
        }
    }

    private static String line(Feature f) {
        String s = f.name();
        if (f.hasLocation()) s += "\t" + f.location();
        if (!f.migratable()) s += "\tblocks migration";
        return s;
    }
}
