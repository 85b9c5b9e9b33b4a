package dev.virtcpu.cli;

import dev.virtcpu.model.BundledMap;
import picocli.CommandLine;

/** {@code virtcpu --version}. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"virtcpu " + (v == null ? "dev" : v),
                "bundled CPU map: libvirt " + BundledMap.get().libvirtVersion() + " cpu_map"};
    }
}
