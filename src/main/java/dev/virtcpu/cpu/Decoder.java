package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.Signature;
import dev.virtcpu.model.Vendor;

import java.util.List;
import java.util.function.Consumer;

/**
 * libvirt's x86Decode: finds the model (and the required and disabled features) that best describes
 * CPU data. Models are walked from last to first; the feature-list score keeps libvirt's
 * shrinking-bound penalty loop, which only counts the first half of the disabled features.
 */
public final class Decoder {
    private static final int BASE_PENALTY = 2;
    private static final Consumer<DecodeStep> NO_TRACE = step -> { };

    private Decoder() {
    }

    /** CPU data: feature bits, the vendor (null if unknown) and the CPUID signature (0 if none). */
    public record Data(FeatureSet features, Vendor vendor, int signature) {
    }

    /**
     * @param preferred the preferred model names (baseline passes the distinct input models), or empty
     * @param migratable drop migration blockers (invtsc, xsaves) from the result
     */
    public static CpuDef decode(ArchMap map, Data data, CpuDef.Type type, List<String> preferred, boolean migratable)
            throws LibvirtException {
        return decode(map, data, type, preferred, migratable, null, NO_TRACE);
    }

    /** The same decode, reporting every candidate it weighs to {@code trace}, in walk order. */
    public static CpuDef decode(ArchMap map, Data data, CpuDef.Type type, List<String> preferred, boolean migratable,
                                Consumer<DecodeStep> trace) throws LibvirtException {
        return decode(map, data, type, preferred, migratable, null, trace);
    }

    /** libvirt's hypervisor decode: only the models the hypervisor supports ({@code allowed}, null: all) are chosen. */
    public static CpuDef decodeWithin(ArchMap map, Data data, CpuDef.Type type, List<String> preferred, boolean migratable,
                                      java.util.Set<String> allowed) throws LibvirtException {
        return decode(map, data, type, preferred, migratable, allowed, NO_TRACE);
    }

    private static CpuDef decode(ArchMap map, Data data, CpuDef.Type type, List<String> preferred, boolean migratable,
                                 java.util.Set<String> allowed, Consumer<DecodeStep> trace) throws LibvirtException {
        FeatureSet features = data.features();
        int sig = data.signature() & 0x0fff3fff;
        int family = ((sig >> 20) & 0xff) + ((sig >> 8) & 0xf);
        int modelNo = ((sig >> 12) & 0xf0) + ((sig >> 4) & 0xf);
        int stepping = sig & 0xf;
        if (data.vendor() != null && "Intel".equals(data.vendor().name()) && family == 6
                && (modelNo == 60 || modelNo == 69 || modelNo == 70 || (modelNo == 63 && stepping < 4))) {
            features = features.copy();
            removeByName(map, features, "hle");
            removeByName(map, features, "rtm");
        }
        CpuDef best = null;
        Model bestModel = null;
        List<Model> models = map.models();
        // The shortcut decides as the loop does, but a trace wants every candidate.
        if (type == CpuDef.Type.HOST && preferred.isEmpty() && trace == NO_TRACE && allowed == null) {
            bestModel = hostModel(models, features, data.vendor(), sig, family, modelNo, stepping);
            if (bestModel != null) best = toCpu(map, features, bestModel, type);
        }
        for (int i = bestModel != null ? -1 : models.size() - 1; i >= 0; i--) {
            Model candidate = models.get(i);
            if (allowed != null && !allowed.contains(candidate.name())) continue;
            if (data.vendor() != null && candidate.vendor() != null && !candidate.vendor().name().equals(data.vendor().name())) {
                trace.accept(new DecodeStep(candidate, null, DecodeStep.Decision.OTHER_VENDOR));
                continue;
            }
            CpuDef cpu = toCpu(map, features, candidate, type);
            DecodeStep.Decision verdict = useCandidate(best, bestModel, cpu, candidate, type, preferred, sig, family, modelNo, stepping);
            trace.accept(new DecodeStep(candidate, cpu, verdict));
            if (verdict.taken()) {
                best = cpu;
                bestModel = candidate;
                if (verdict == DecodeStep.Decision.PREFERRED) break;
            }
        }
        if (best == null) throw new LibvirtException(ErrorClass.INTERNAL, "Cannot find suitable CPU model for given data");
        if (migratable) {
            best.features.removeIf(f -> {
                Feature feature = map.feature(f.name());
                return feature != null && !feature.migratable();
            });
        }
        best.vendor = data.vendor() == null ? null : data.vendor().name();
        best.signature = family == 0 ? null : new CpuSignature(family, modelNo, stepping);
        return best;
    }

    /**
     * The host decode of the candidate loop without building a CPU per candidate: a host model must
     * be a subset of the data, so its extra features number |data| − |model|; the signature rule and
     * the shorter list decide exactly as {@link #useCandidate} does for host CPUs.
     */
    private static Model hostModel(List<Model> models, FeatureSet features, Vendor vendor, int sig, int family,
                                   int modelNo, int stepping) {
        Model best = null;
        int bestExtra = 0;
        boolean bestMatches = false;
        int total = features.size();
        for (int i = models.size() - 1; i >= 0; i--) {
            Model candidate = models.get(i);
            if (vendor != null && candidate.vendor() != null && !candidate.vendor().name().equals(vendor.name())) continue;
            if (!candidate.decodeHost() || !candidate.data().isSubsetOf(features)) continue;
            int extra = total - candidate.data().size();
            boolean matches = sig != 0 && matches(candidate, family, modelNo, stepping);
            boolean take = best == null || (!bestMatches && matches) || (bestMatches == matches && extra < bestExtra);
            if (take) {
                best = candidate;
                bestExtra = extra;
                bestMatches = matches;
            }
        }
        return best;
    }

    private static void removeByName(ArchMap map, FeatureSet set, String name) {
        Feature f = map.feature(name);
        if (f != null) set.remove(f.index());
    }

    /** x86DataToCPU: requires, then disables, then (guests) the model's removed features as disables. */
    static CpuDef toCpu(ArchMap map, FeatureSet data, Model model, CpuDef.Type type) {
        CpuDef cpu = new CpuDef();
        cpu.type = type;
        cpu.model = model.name();
        Policy require = type == CpuDef.Type.GUEST ? Policy.REQUIRE : null;
        FeatureSet extra = data.copy().removeAll(model.data());
        FeatureSet missing = model.data().copy().removeAll(data);
        for (int i = extra.nextSet(0); i >= 0; i = extra.nextSet(i + 1)) {
            cpu.features.add(new CpuFeatureDef(map.feature(i).name(), require, null));
        }
        for (int i = missing.nextSet(0); i >= 0; i = missing.nextSet(i + 1)) {
            cpu.features.add(new CpuFeatureDef(map.feature(i).name(), Policy.DISABLE, null));
        }
        if (type == CpuDef.Type.GUEST) {
            for (Feature r : model.removed()) {
                if (cpu.feature(r.name()) == null) cpu.features.add(new CpuFeatureDef(r.name(), Policy.DISABLE, null));
            }
        }
        return cpu;
    }

    /**
     * x86DecodeUseCandidate: keep the current model, take the candidate, or (PREFERRED) take it and
     * stop; the decision says which rule decided.
     */
    private static DecodeStep.Decision useCandidate(CpuDef current, Model currentModel, CpuDef candidate, Model candidateModel,
                                                    CpuDef.Type type, List<String> preferred, int sig, int family, int model,
                                                    int stepping) {
        if (type == CpuDef.Type.HOST ? !candidateModel.decodeHost() : !candidateModel.decodeGuest()) {
            return DecodeStep.Decision.DECODE_OFF;
        }
        if (type == CpuDef.Type.HOST) {
            for (CpuFeatureDef f : candidate.features) {
                if (f.policy() == Policy.DISABLE) return DecodeStep.Decision.LACKS_FEATURES;
            }
        }
        boolean inPreferred = preferred.contains(candidate.model);
        if (inPreferred && preferred.size() == 1) return DecodeStep.Decision.PREFERRED;
        if (current == null) return DecodeStep.Decision.FIRST;
        if (sig != 0) {
            boolean currentMatches = matches(currentModel, family, model, stepping);
            boolean candidateMatches = matches(candidateModel, family, model, stepping);
            if (currentMatches && !candidateMatches) return DecodeStep.Decision.SIGNATURE_DIFFERS;
            if (!currentMatches && candidateMatches) return DecodeStep.Decision.SIGNATURE_MATCHES;
        }
        if (type == CpuDef.Type.HOST) {
            return candidate.features.size() < current.features.size() ? DecodeStep.Decision.FEWER_FEATURES
                    : DecodeStep.Decision.NOT_FEWER_FEATURES;
        }
        int[] cur = score(current);
        int[] cand = score(candidate);
        if (cand[0] < cur[0] || (cand[0] == cur[0] && cand[1] < cur[1])) return DecodeStep.Decision.LOWER_SCORE;
        if (inPreferred && cand[1] < cur[1]) return DecodeStep.Decision.PREFERRED_LOWER_PENALTY;
        return DecodeStep.Decision.NOT_LOWER_SCORE;
    }

    /** Whether one of the model's signatures matches (family, model, stepping). */
    public static boolean signatureMatches(Model m, CpuSignature s) {
        return s != null && matches(m, s.family(), s.model(), s.stepping());
    }

    private static boolean matches(Model m, int family, int model, int stepping) {
        for (Signature s : m.signatures()) {
            if (s.matches(family, model, stepping)) return true;
        }
        return false;
    }

    /** {total, penalty}; the loop bound shrinks as disables are met, exactly as libvirt's does. */
    static int[] score(CpuDef cpu) {
        int enabled = cpu.features.size();
        int penalty = 0;
        int p = BASE_PENALTY;
        for (int i = 0; i < enabled; i++) {
            if (cpu.features.get(i).policy() == Policy.DISABLE) {
                enabled--;
                penalty += p;
                p++;
            }
        }
        return new int[]{enabled + penalty, penalty};
    }
}
