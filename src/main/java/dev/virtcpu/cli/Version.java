package dev.virtcpu.cli;

import dev.virtcpu.analysis.ProductVersion;
import dev.virtcpu.model.BundledMap;
import picocli.CommandLine;

/** {@code virtcpu --version}. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"virtcpu " + ProductVersion.get(),
                "bundled CPU map: libvirt " + BundledMap.get().libvirtVersion() + " cpu_map"};
    }
}
