package dev.virtcpu.hosts;

import dev.virtcpu.cpu.Baseline;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.X86Models;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.FeatureSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A named list of hosts, with the problems met while reading them. */
public final class HostSet {
    /**
     * A host's CPU as feature bits (null data when its CPU is not valid for the map): {@code data} as
     * its file describes it, {@code guest} what QEMU/KVM gives a guest there ({@link GuestView}), and
     * {@code unknown} the MSR-based features the file cannot tell about.
     */
    public record HostData(Host host, FeatureSet data, String vendor, String error, FeatureSet guest, FeatureSet unknown) {
        static HostData broken(Host host, String error) {
            return new HostData(host, null, host.cpu().vendor, error, null, null);
        }

        /** The host's CPU has the feature (as its file describes it). */
        public boolean has(int feature) { return data != null && data.contains(feature); }

        /** QEMU/KVM gives guests the feature on this host. */
        public boolean offers(int feature) { return guest != null && guest.contains(feature); }

        /** The file says whether the host has the feature (false for MSR features it reports nothing of). */
        public boolean knows(int feature) { return unknown == null || !unknown.contains(feature); }

        /** A guest cannot get the feature here: known, and not offered. */
        public boolean lacksForGuest(int feature) { return knows(feature) && !offers(feature); }
    }

    /** The guest-facing baseline of a set ({@code baseline --hypervisor}), or why there is none. */
    public record GuestBaseline(CpuDef cpu, String error) {
    }

    /**
     * A host set evaluated against one CPU map: the hosts, the {@code virsh cpu-baseline} of their
     * files, and the guest-facing baseline (what QEMU/KVM can give a guest on every host), for a
     * migration pool (without migration blockers) and for hosts that are not one.
     */
    public record Evaluation(CpuMap map, List<HostData> hosts, CpuDef baseline, String baselineError,
                             boolean homogeneous, GuestBaseline poolBaseline, GuestBaseline singleBaseline) {
        /** The guest-facing baseline; {@code pool}: leave out the features that block live migration. */
        public GuestBaseline guestBaseline(boolean pool) {
            return pool ? poolBaseline : singleBaseline;
        }

        public List<HostData> usable() {
            List<HostData> out = new ArrayList<>();
            for (HostData h : hosts) {
                if (h.data() != null) out.add(h);
            }
            return out;
        }
    }

    private final String name;
    private final Path configFile;
    private final List<Host> hosts;
    private final List<Problem> problems;
    private volatile Evaluation evaluation;

    public HostSet(String name, Path configFile, List<Host> hosts, List<Problem> problems) {
        this.name = name;
        this.configFile = configFile;
        this.hosts = List.copyOf(hosts);
        this.problems = List.copyOf(problems);
    }

    public String name() { return name; }

    public Path configFile() { return configFile; }

    public List<Host> hosts() { return hosts; }

    public List<Problem> problems() { return Collections.unmodifiableList(problems); }

    /** Evaluates every host against the map and computes the set's baseline; cached per map. */
    public Evaluation evaluate(CpuMap map) {
        Evaluation e = evaluation;
        if (e != null && e.map() == map) return e;
        e = compute(map);
        evaluation = e;
        return e;
    }

    private Evaluation compute(CpuMap map) {
        ArchMap x86 = map.x86();
        List<HostData> data = new ArrayList<>();
        List<CpuDef> cpus = new ArrayList<>();
        for (Host listed : hosts) {
            Host h;
            try {
                h = CpuDumps.decoded(listed, map);
            } catch (LibvirtException ex) {
                data.add(new HostData(listed, null, null, "host " + listed.name() + ": " + ex.getMessage(), null, null));
                continue;
            }
            String family = CpuMap.familyOf(h.cpu().arch);
            if (!"x86".equals(family)) {
                data.add(HostData.broken(h, "host " + h.name() + " is not x86 (" + h.cpu().arch + ")"));
                continue;
            }
            try {
                FeatureSet d = X86Models.fromCpu(x86, h.cpu(), null);
                String vendor = h.cpu().vendor;
                if (vendor == null && x86.model(h.cpu().model) != null && x86.model(h.cpu().model).vendor() != null) {
                    vendor = x86.model(h.cpu().model).vendor().name();
                }
                FeatureSet guest = h.isHypervisorView() ? d : d.copy().removeAll(GuestView.hidden(x86));
                data.add(new HostData(h, d, vendor, null, guest, GuestView.unknownMsrFeatures(x86, d)));
                cpus.add(h.cpu());
            } catch (LibvirtException ex) {
                data.add(HostData.broken(h, ex.getMessage()));
            }
        }
        CpuDef baseline = null;
        String error = null;
        if (cpus.isEmpty()) {
            error = "the host set has no usable hosts";
        } else {
            try {
                baseline = Baseline.compute(map, cpus, Baseline.Options.PLAIN);
            } catch (LibvirtException ex) {
                error = ex.getMessage();
            }
        }
        boolean homogeneous = true;
        HostData first = null;
        for (HostData h : data) {
            if (h.data() == null) continue;
            if (first == null) first = h;
            else if (!h.data().equals(first.data()) || !java.util.Objects.equals(h.vendor(), first.vendor())) homogeneous = false;
        }
        return new Evaluation(map, data, baseline, error, homogeneous, guestBaseline(map, cpus, true),
                guestBaseline(map, cpus, false));
    }

    /** {@code virtcpu baseline --hypervisor [--migratable]} of the usable hosts. */
    private static GuestBaseline guestBaseline(CpuMap map, List<CpuDef> cpus, boolean migratable) {
        if (cpus.isEmpty()) return new GuestBaseline(null, "the host set has no usable hosts");
        try {
            return new GuestBaseline(Baseline.compute(map, cpus, new Baseline.Options(false, migratable,
                    GuestView.hypervisor(map.x86()))), null);
        } catch (LibvirtException ex) {
            return new GuestBaseline(null, ex.getMessage());
        }
    }
}
