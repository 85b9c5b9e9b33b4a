package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlElement;

/** A {@code <feature>} of a CPU definition; {@code policy} is null for host CPUs. */
public record CpuFeatureDef(String name, Policy policy, XmlElement element) {
}
