package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.model.LibvirtVersion;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <topology>} whose product differs from the domain's maximum vCPU count. */
public final class TopologyMismatch extends Rule {
    private static final String[] COUNTS = {"sockets", "dies", "clusters", "cores", "threads"};
    private static final long UINT_MAX = 0xffffffffL;

    public TopologyMismatch() {
        super("topology-mismatch", Severity.ERROR,
                "<topology> sockets × dies × clusters × cores × threads differs from the domain's maximum vCPU count.", """
                libvirt's QEMU driver refuses to define such a domain: 'CPU topology doesn't match maximum vcpu count'
                (qemuValidateDomainDefCpu; QEMU needs the -smp topology to cover every possible vCPU). The test driver
                (virsh -c test:///default) accepts it, so a definition checked only there fails on the real host.
                The maximum is <vcpu>'s value, not its current= attribute. clusters counts from libvirt 10.1;
                9.0.0 ignores the attribute. Fix the counts or <vcpu>; the quick fixes offer both.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement t = c.cpu().element("topology");
        Long max = c.maxVcpus();
        if (t == null || max == null) return;
        boolean clusters = countsClusters(c);
        long product = 1;
        List<String> factors = new ArrayList<>();
        for (String name : COUNTS) {
            String v = t.attr(name);
            if (v == null && !name.equals("dies") && !name.equals("clusters")) return;
            if (v == null || (name.equals("clusters") && !clusters)) continue;
            if (!v.matches("[0-9]{1,9}") || v.matches("0+")) return;
            product *= Long.parseLong(v);
            factors.add(v + " " + (v.matches("0*1") ? name.substring(0, name.length() - 1) : name));
            if (product > UINT_MAX) {
                c.report(this, c.nameRange(t), "cpu topology results in more than " + UINT_MAX + " cpus");
                return;
            }
        }
        if (product == max) return;
        c.report(this, c.nameRange(t), "<topology> gives " + String.join(" × ", factors) + " = " + product
                + " vCPUs, but <vcpu> allows " + max + ": libvirt's QEMU driver refuses the domain ('CPU topology doesn't match "
                + "maximum vcpu count')" + (clusters || t.attr("clusters") == null ? "" : "; " + target(c) + " ignores clusters"),
                fixes(c, t, product, max));
    }

    /** clusters counts from libvirt 10.1 (9.0.0 ignores it); a map of unknown release counts it. */
    private static boolean countsClusters(CpuContext c) {
        LibvirtVersion v = LibvirtVersion.parse(c.analysis().map().libvirtVersion());
        return v == null || !v.isBefore(new LibvirtVersion(10, 1, 0));
    }

    private static String target(CpuContext c) {
        return "libvirt " + c.analysis().map().libvirtVersion();
    }

    private static List<Fix> fixes(CpuContext c, XmlElement t, long product, long max) {
        List<Fix> fixes = new ArrayList<>();
        XmlElement vcpu = c.vcpuElement();
        if (vcpu != null && vcpu.isClosed() && vcpu.endTagStart() >= 0) {
            fixes.add(CpuContext.fix("Set <vcpu> to " + product + " (the topology's count)",
                    c.replace(new int[]{vcpu.contentStart(), vcpu.contentEnd()}, Long.toString(product))));
        }
        long sockets = Long.parseLong(t.attr("sockets"));
        long perSocket = product / sockets;
        if (max % perSocket == 0 && t.attribute("sockets") != null) {
            fixes.add(CpuContext.fix("Set sockets to " + (max / perSocket) + " (" + max + " vCPUs)",
                    c.replace(c.valueRange(t.attribute("sockets")), Long.toString(max / perSocket))));
        }
        return fixes;
    }
}
