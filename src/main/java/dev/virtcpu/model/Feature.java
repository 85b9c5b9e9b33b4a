package dev.virtcpu.model;

import java.util.List;

/**
 * A CPU feature of the map. {@code index} is its position in map order, which is also its bit in
 * every {@link FeatureSet}. x86 features carry their CPUID/MSR location; arm features have none.
 */
public record Feature(String name, int index, Register register, int bit, boolean migratable,
                      List<String> aliases) {

    public boolean hasLocation() { return register != null; }

    /** e.g. {@code CPUID 0x1.0 ECX bit 5}. */
    public String location() {
        return register == null ? null : register.describe() + " bit " + bit;
    }
}
