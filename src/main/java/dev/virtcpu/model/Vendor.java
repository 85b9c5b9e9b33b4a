package dev.virtcpu.model;

/**
 * A CPU vendor of the map. For x86 {@code string} is the 12-character CPUID vendor string; for
 * arm {@code value} is the implementer id; ppc64 vendors have neither.
 */
public record Vendor(String name, String string, String value) {
}
