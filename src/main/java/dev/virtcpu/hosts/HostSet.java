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
    /** A host's CPU as feature bits (null data when its CPU is not valid for the map). */
    public record HostData(Host host, FeatureSet data, String vendor, String error) {
        public boolean has(int feature) { return data != null && data.contains(feature); }
    }

    /** A host set evaluated against one CPU map. */
    public record Evaluation(CpuMap map, List<HostData> hosts, CpuDef baseline, String baselineError,
                             boolean homogeneous) {
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
                data.add(new HostData(listed, null, null, "host " + listed.name() + ": " + ex.getMessage()));
                continue;
            }
            String family = CpuMap.familyOf(h.cpu().arch);
            if (!"x86".equals(family)) {
                data.add(new HostData(h, null, h.cpu().vendor, "host " + h.name() + " is not x86 (" + h.cpu().arch + ")"));
                continue;
            }
            try {
                FeatureSet d = X86Models.fromCpu(x86, h.cpu(), null);
                String vendor = h.cpu().vendor;
                if (vendor == null && x86.model(h.cpu().model) != null && x86.model(h.cpu().model).vendor() != null) {
                    vendor = x86.model(h.cpu().model).vendor().name();
                }
                data.add(new HostData(h, d, vendor, null));
                cpus.add(h.cpu());
            } catch (LibvirtException ex) {
                data.add(new HostData(h, null, h.cpu().vendor, ex.getMessage()));
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
        return new Evaluation(map, data, baseline, error, homogeneous);
    }
}
