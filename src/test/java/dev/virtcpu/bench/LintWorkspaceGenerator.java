package dev.virtcpu.bench;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.BundledMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a lint workspace for {@code bench/lint.sh}: {@code .virtcpu.json} with one host set
 * 'fleet' of HOSTS bare host {@code <cpu>} files, and DOMAINS domain files in 10 subdirectories,
 * with guest CPUs that part of the fleet cannot run. The same SEED gives the same bytes.
 * <pre>java -cp target/classes:target/test-classes dev.virtcpu.bench.LintWorkspaceGenerator DIR [DOMAINS HOSTS SEED]</pre>
 */
public final class LintWorkspaceGenerator {
    private static final String[] MODELS = {"Westmere", "SandyBridge", "IvyBridge", "Haswell-noTSX", "Haswell-noTSX-IBRS",
            "Broadwell-noTSX", "Broadwell-noTSX-IBRS", "Skylake-Client-IBRS", "Skylake-Server-IBRS", "Cascadelake-Server",
            "Icelake-Server"};
    private static final String[] EXTRA = {"vme", "ds", "acpi", "ss", "ht", "tm", "pbe", "dtes64", "monitor", "ds_cpl",
            "vmx", "smx", "est", "tm2", "xtpr", "pdcm", "dca", "osxsave", "f16c", "rdrand", "arat", "tsc_adjust", "cmt",
            "md-clear", "stibp", "ssbd", "xsaveopt", "abm", "pdpe1gb", "ibpb", "ibrs", "amd-stibp", "amd-ssbd", "invtsc",
            "pku", "avx512vnni", "sha-ni", "umip", "la57", "rdpid", "waitpkg", "avx512ifma", "avx512vbmi", "gfni", "vaes"};
    private static final String[] POLICIES = {"require", "require", "require", "disable", "force", "optional", "forbid"};

    private LintWorkspaceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LintWorkspaceGenerator DIR [DOMAINS HOSTS SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int domains = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20240917L;
        ArchMap x86 = BundledMap.get().x86();
        List<String> models = new ArrayList<>();
        for (String m : MODELS) {
            if (x86.model(m) != null) models.add(m);
        }
        List<String> features = new ArrayList<>();
        for (String f : EXTRA) {
            if (x86.feature(f) != null) features.add(f);
        }
        Random random = new Random(seed);
        Files.createDirectories(dir.resolve("hosts"));
        Files.writeString(dir.resolve(".virtcpu.json"), "{\n  \"hostSets\": {\"fleet\": [\"hosts/*.xml\"]},\n"
                + "  \"defaultHostSet\": \"fleet\"\n}\n", StandardCharsets.UTF_8);
        for (int i = 0; i < hosts; i++) {
            // hosts from Haswell on; guests of every model, so newer guests fail on older hosts
            String model = models.get(Math.min(3, models.size() - 1) + random.nextInt(Math.max(1, models.size() - 3)));
            StringBuilder sb = new StringBuilder("<cpu>\n  <arch>x86_64</arch>\n  <model>").append(model)
                    .append("</model>\n  <vendor>Intel</vendor>\n");
            Set<String> extra = new LinkedHashSet<>();
            while (extra.size() < 12) extra.add(features.get(random.nextInt(features.size())));
            for (String f : extra) sb.append("  <feature name='").append(f).append("'/>\n");
            sb.append("</cpu>\n");
            Files.writeString(dir.resolve(String.format("hosts/host-%03d.xml", i)), sb, StandardCharsets.UTF_8);
        }
        for (int i = 0; i < domains; i++) {
            Path sub = Files.createDirectories(dir.resolve(String.format("domains/group-%02d", i % 10)));
            StringBuilder sb = new StringBuilder();
            sb.append("<domain type='kvm'>\n  <name>vm-").append(i).append("</name>\n")
                    .append("  <memory unit='KiB'>4194304</memory>\n  <vcpu placement='static'>4</vcpu>\n")
                    .append("  <os>\n    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n")
                    .append("  <features>\n    <acpi/>\n    <apic/>\n  </features>\n")
                    .append("  <cpu mode='custom' match='exact' check='partial'>\n")
                    .append("    <model fallback='forbid'>").append(models.get(random.nextInt(models.size()))).append("</model>\n")
                    .append("    <vendor>Intel</vendor>\n")
                    .append("    <topology sockets='1' dies='1' cores='2' threads='2'/>\n");
            Set<String> used = new LinkedHashSet<>();
            int n = random.nextInt(6);
            while (used.size() < n) used.add(features.get(random.nextInt(features.size())));
            for (String f : used) {
                sb.append("    <feature policy='").append(POLICIES[random.nextInt(POLICIES.length)]).append("' name='")
                        .append(f).append("'/>\n");
            }
            sb.append("  </cpu>\n  <clock offset='utc'/>\n  <on_poweroff>destroy</on_poweroff>\n  <devices>\n")
                    .append("    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n")
                    .append("    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n")
                    .append("      <source file='/var/lib/libvirt/images/vm-").append(i).append(".qcow2'/>\n")
                    .append("      <target dev='vda' bus='virtio'/>\n    </disk>\n")
                    .append("    <interface type='network'>\n      <source network='default'/>\n      <model type='virtio'/>\n")
                    .append("    </interface>\n  </devices>\n</domain>\n");
            Files.writeString(sub.resolve(String.format("vm-%04d.xml", i)), sb, StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + domains + " domains and " + hosts + " hosts (seed " + seed + ") to " + dir);
    }
}
