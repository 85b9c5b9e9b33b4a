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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

        /** Each host is itself: checks keep hosts in sets and maps, and hashing feature bits per use is slow. */
        @Override
        public boolean equals(Object o) { return this == o; }

        @Override
        public int hashCode() { return System.identityHashCode(this); }
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
                             boolean homogeneous, GuestBaseline poolBaseline, GuestBaseline singleBaseline,
                             List<HostData> usable) {
        Evaluation(CpuMap map, List<HostData> hosts, CpuDef baseline, String baselineError,
                   boolean homogeneous, GuestBaseline poolBaseline, GuestBaseline singleBaseline) {
            this(map, hosts, baseline, baselineError, homogeneous, poolBaseline, singleBaseline, usableOf(hosts));
        }

        /** The guest-facing baseline; {@code pool}: leave out the features that block live migration. */
        public GuestBaseline guestBaseline(boolean pool) {
            return pool ? poolBaseline : singleBaseline;
        }

        /** The hosts whose CPU is valid for the map (computed once: every check of every edit asks). */
        private static List<HostData> usableOf(List<HostData> hosts) {
            List<HostData> out = new ArrayList<>();
            for (HostData h : hosts) {
                if (h.data() != null) out.add(h);
            }
            return List.copyOf(out);
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

    /**
     * What evaluating one distinct CPU gave: its feature bits as the file describes them and as a guest
     * gets them, its vendor, the MSR features it cannot tell about, or why it cannot be used.
     */
    private record Verdict(FeatureSet data, String vendor, String error, FeatureSet guest, FeatureSet unknown) {
        static Verdict of(ArchMap x86, Host h) {
            CpuDef cpu = h.cpu();
            try {
                FeatureSet d = X86Models.fromCpu(x86, cpu, null);
                String vendor = cpu.vendor;
                if (vendor == null && x86.model(cpu.model) != null && x86.model(cpu.model).vendor() != null) {
                    vendor = x86.model(cpu.model).vendor().name();
                }
                FeatureSet guest = h.isHypervisorView() ? d : GuestView.guestOf(x86, d);
                return new Verdict(d, vendor, null, guest, GuestView.unknownMsrFeatures(x86, d));
            } catch (LibvirtException ex) {
                return new Verdict(null, cpu.vendor, ex.getMessage(), null, null);
            }
        }
    }

    /**
     * Fleets have many identical hosts: each distinct CPU ({@link CpuKey}) is evaluated once and its
     * hosts share the result (the same feature bits), and the baselines see each distinct CPU once.
     */
    private Evaluation compute(CpuMap map) {
        ArchMap x86 = map.x86();
        List<HostData> data = new ArrayList<>(hosts.size());
        Map<CpuKey, Verdict> verdicts = new HashMap<>();
        BaselineInput input = new BaselineInput();
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
            CpuKey key = CpuKey.of(h.cpu());
            Verdict v = verdicts.computeIfAbsent(key, k -> Verdict.of(x86, h));
            data.add(new HostData(h, v.data(), v.vendor(), v.error(), v.guest(), v.unknown()));
            if (v.data() != null) input.add(key, h.cpu());
        }
        CpuDef baseline = null;
        String error = null;
        List<CpuDef> cpus = input.cpus();
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

    /**
     * The usable CPUs for the baselines, in host order: each distinct CPU once, where it first occurs,
     * which gives libvirt's result for the whole list (a repeated CPU changes nothing) with two
     * exceptions kept exact: the first CPU's first repetition is checked as every later CPU is (the
     * first is not), and a CPU without a model makes the whole list go in (the error names its index).
     */
    private static final class BaselineInput {
        final List<CpuDef> all = new ArrayList<>();
        final List<CpuDef> distinct = new ArrayList<>();
        final java.util.Set<CpuKey> seen = new java.util.HashSet<>();
        CpuKey firstKey;
        boolean firstRepeated;
        boolean withoutModel;

        void add(CpuKey key, CpuDef cpu) {
            all.add(cpu);
            if (firstKey == null) firstKey = key;
            if (seen.add(key)) {
                distinct.add(cpu);
                withoutModel |= cpu.model == null;
            } else if (!firstRepeated && key.equals(firstKey)) {
                firstRepeated = true;
                distinct.add(cpu);
            }
        }

        List<CpuDef> cpus() {
            return withoutModel ? all : distinct;
        }
    }
}
