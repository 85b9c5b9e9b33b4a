package dev.virtcpu.cpu;

import dev.virtcpu.model.Model;

/**
 * One candidate model libvirt's decode weighed (x86DecodeUseCandidate), in the order it walked them
 * (last model of the map first), and what it decided.
 *
 * @param cpu the candidate as a CPU definition (model, extra features as require, missing ones as
 *            disable); null when the candidate was skipped before (another vendor)
 */
public record DecodeStep(Model model, CpuDef cpu, Decision decision) {

    /** Why the candidate was taken or passed over. */
    public enum Decision {
        OTHER_VENDOR(false), DECODE_OFF(false), LACKS_FEATURES(false), PREFERRED(true), FIRST(true),
        SIGNATURE_MATCHES(true), SIGNATURE_DIFFERS(false), FEWER_FEATURES(true), NOT_FEWER_FEATURES(false),
        LOWER_SCORE(true), NOT_LOWER_SCORE(false), PREFERRED_LOWER_PENALTY(true);

        private final boolean taken;

        Decision(boolean taken) {
            this.taken = taken;
        }

        /** The candidate replaced the one kept so far. */
        public boolean taken() { return taken; }
    }

    /** Features the data has beyond the model (listed as extra features). */
    public java.util.List<String> extra() {
        return names(false);
    }

    /** Features of the model the data lacks (a host model must have none). */
    public java.util.List<String> missing() {
        return names(true);
    }

    private java.util.List<String> names(boolean disabled) {
        if (cpu == null) return java.util.List.of();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (CpuFeatureDef f : cpu.features) {
            if ((f.policy() == Policy.DISABLE) == disabled) out.add(f.name());
        }
        return out;
    }
}
