package dev.virtcpu.hosts;

import java.util.List;
import java.util.Map;

/**
 * What a domcapabilities file says about the custom-mode models on its host: QEMU's verdict per model
 * ({@code usable='yes|no|unknown'}) and, for unusable ones, the features blocking them
 * ({@code <blockers model=…>}, libvirt 10.9+).
 */
public record ModelUsability(Map<String, String> usable, Map<String, List<String>> blockers) {
    /** QEMU's verdict for a model: "yes", "no", "unknown", or null when the file does not list it. */
    public String verdict(String model) {
        return usable.get(model);
    }

    /** The features blocking a model on this host (empty when QEMU gave none). */
    public List<String> blockersOf(String model) {
        List<String> b = blockers.get(model);
        return b == null ? List.of() : b;
    }
}
