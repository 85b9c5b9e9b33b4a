package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why libvirt presents a host CPU as the model it does: libvirt's host decode (x86Decode for the
 * capabilities) replayed on the CPU's features, vendor and signature, every candidate model with the
 * rule that decided. For a host file the CPU's data is its model's features plus its listed ones.
 *
 * @param result    what libvirt reports (model and extra features)
 * @param signature the CPU's signature, or null (then only feature counts decide)
 * @param steps     every candidate weighed, in libvirt's walk order (last model of the map first)
 */
public record HostModelExplanation(CpuDef result, CpuSignature signature, List<DecodeStep> steps) {

    /** Replays the host decode of a host {@code <cpu>} (model, vendor, features; signature if known). */
    public static HostModelExplanation of(ArchMap map, CpuDef host, CpuSignature signature) throws LibvirtException {
        CpuDef asHost = host;
        if (host.type != CpuDef.Type.HOST) {
            asHost = new CpuDef();
            asHost.type = CpuDef.Type.HOST;
            asHost.model = host.model;
            asHost.features.addAll(host.features);
        }
        FeatureSet features = X86Models.fromCpu(map, asHost, null);
        Decoder.Data data = new Decoder.Data(features, map.vendor(host.vendor), signature == null ? 0 : signature.toCpuid());
        return of(map, data);
    }

    /** Replays the host decode of raw CPU data. */
    public static HostModelExplanation of(ArchMap map, Decoder.Data data) throws LibvirtException {
        List<DecodeStep> steps = new ArrayList<>();
        CpuDef result = Decoder.decode(map, data, CpuDef.Type.HOST, List.of(), false, steps::add);
        CpuSignature sig = data.signature() == 0 ? null : CpuSignature.fromCpuid(data.signature());
        return new HostModelExplanation(result, sig, List.copyOf(steps));
    }

    /** The candidate libvirt kept. */
    public DecodeStep winner() {
        DecodeStep won = null;
        for (DecodeStep s : steps) {
            if (s.decision().taken()) won = s;
        }
        return won;
    }

    /**
     * Models whose signature matches this CPU but that need features it lacks, fewest lacking first:
     * the models a user expects ("my Core 2 shows up as core2duo, not Penryn") and why libvirt passed.
     */
    public List<DecodeStep> matchingSignatureButLacking() {
        List<DecodeStep> out = new ArrayList<>();
        for (DecodeStep s : steps) {
            if (s.decision() == DecodeStep.Decision.LACKS_FEATURES && Decoder.signatureMatches(s.model(), signature)) out.add(s);
        }
        out.sort(Comparator.comparingInt(s -> s.missing().size()));
        return out;
    }

    /** Models the CPU has every feature of (the ones libvirt could choose), fewest extra features first. */
    public List<DecodeStep> fits() {
        List<DecodeStep> out = new ArrayList<>();
        for (DecodeStep s : steps) {
            if (s.cpu() != null && s.decision() != DecodeStep.Decision.DECODE_OFF && s.decision() != DecodeStep.Decision.LACKS_FEATURES) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(s -> s.extra().size()));
        return out;
    }

    /** Whether a model's signature matches this CPU's. */
    public boolean signatureMatches(Model m) {
        return Decoder.signatureMatches(m, signature);
    }
}
