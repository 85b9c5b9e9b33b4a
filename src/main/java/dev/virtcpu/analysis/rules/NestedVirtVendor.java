package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** vmx is Intel's and svm is AMD's virtualization extension; the other vendor's hosts never have it. */
public final class NestedVirtVendor extends Rule {
    public NestedVirtVendor() {
        super("nested-virt-vendor", Severity.WARNING, "vmx is Intel's and svm is AMD's virtualization extension; the other vendor's hosts never have it.", """
                Nested virtualization needs the host vendor's extension: vmx on Intel, svm on AMD. Requiring the
                other one on a CPU of this vendor can never be satisfied by any host. The quick fix switches to the
                right one.""");
    }
}
