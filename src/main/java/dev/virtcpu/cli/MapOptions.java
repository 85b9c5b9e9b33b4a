package dev.virtcpu.cli;

import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.LibvirtVersion;
import dev.virtcpu.model.MapLoadException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Which libvirt's CPU map a command uses: {@code --libvirt VERSION} (a bundled release) and
 * {@code --cpu-map DIR} (any cpu_map directory; with {@code --libvirt}, read with that release's
 * loading rules). A picocli mixin: {@code @Mixin MapOptions maps;}.
 */
public final class MapOptions {
    @Option(names = "--cpu-map", paramLabel = "DIR",
            description = "libvirt cpu_map directory (default: the bundled map of --libvirt).")
    Path cpuMap;

    @Option(names = "--libvirt", paramLabel = "VERSION",
            description = "Target libvirt release: its bundled CPU map (7.0.0, 9.0.0, 11.3.0 or 12.8.0; default 12.8.0).")
    String libvirt;

    /** The selected map; a release that is not bundled (without --cpu-map) or an unreadable map is exit 2. */
    CpuMap map(PrintWriter err) throws CommandSupport.Failure {
        checkRelease(err);
        try {
            return BundledMap.select(libvirt, cpuMap);
        } catch (MapLoadException e) {
            err.println("error: cannot load CPU map: " + e.getMessage());
            throw new CommandSupport.Failure(2);
        }
    }

    /** --libvirt as a release (MAJOR.MINOR.MICRO), or null; checks it like {@link #map}. */
    String release(PrintWriter err) throws CommandSupport.Failure {
        checkRelease(err);
        return libvirt == null ? null : LibvirtVersion.parse(libvirt).toString();
    }

    private void checkRelease(PrintWriter err) throws CommandSupport.Failure {
        if (libvirt == null) return;
        try {
            if (cpuMap == null) BundledMap.bundledVersion(libvirt);
            else if (LibvirtVersion.parse(libvirt) == null) throw new MapLoadException("'" + libvirt + "' is not a libvirt release (e.g. 9.0.0)");
        } catch (MapLoadException e) {
            err.println("virtcpu: --libvirt: " + e.getMessage());
            throw new CommandSupport.Failure(2);
        }
    }
}
