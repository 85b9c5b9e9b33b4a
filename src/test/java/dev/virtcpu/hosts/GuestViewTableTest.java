package dev.virtcpu.hosts;

import dev.virtcpu.oracle.GuestViewTableFeatures;
import dev.virtcpu.oracle.RealHosts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kvm-hidden-features.tsv is what libvirt's real-CPU data says: for each of the 51 CPUs of libvirt
 * 11.3.0's test data with both views, the capabilities view ({@code -host.xml}) against the QEMU/KVM view
 * ({@code -json.xml}), models expanded by libvirt itself. A feature is in the table when QEMU/KVM lacks
 * it on at least 90 % of the CPUs that have it and at least 3 CPUs have it, except invtsc and topoext
 * (the table's header says why).
 */
class GuestViewTableTest {
    @Test
    void theTableIsRecomputedFromLibvirtsRealCpuData() {
        Map<String, int[]> counts = GuestViewTableFeatures.counts();
        List<String> expected = new ArrayList<>();
        for (String name : GuestViewTableFeatures.hiddenOnNearlyEveryHost()) {
            expected.add(name + " " + counts.get(name)[1] + "/" + counts.get(name)[0]);
        }
        List<String> table = new ArrayList<>();
        for (GuestView.Hidden h : GuestView.table()) table.add(h.name() + " " + h.hiddenOn() + "/" + h.of());
        table.sort(null);
        assertEquals(expected, table);
    }

    @Test
    void theAddedTableIsRecomputedFromLibvirtsRealCpuData() {
        Map<String, int[]> counts = GuestViewTableFeatures.addedCounts();
        List<String> expected = new ArrayList<>();
        for (String name : GuestViewTableFeatures.addedOnNearlyEveryHost()) {
            expected.add(name + " " + counts.get(name)[0] + "/" + RealHosts.all().size());
        }
        List<String> table = new ArrayList<>();
        for (GuestView.Added a : GuestView.addedTable()) table.add(a.name() + " " + a.givenOn() + "/" + a.of());
        table.sort(null);
        assertEquals(expected, table);
    }

    @Test
    void aCapabilitiesHostGivesGuestsWhatKvmAddsAndNotWhatItHides() {
        var x86 = dev.virtcpu.model.BundledMap.get().x86();
        dev.virtcpu.model.FeatureSet host = new dev.virtcpu.model.FeatureSet();
        host.add(x86.feature("sse2").index());
        host.add(x86.feature("monitor").index());
        dev.virtcpu.model.FeatureSet guest = GuestView.guestOf(x86, host);
        assertTrue(guest.contains(x86.feature("sse2").index()));
        assertTrue(guest.contains(x86.feature("hypervisor").index()));
        assertTrue(!guest.contains(x86.feature("monitor").index()));
    }

    @Test
    void theDataHoldsFiftyOneCpusWithBothViews() {
        assertEquals(51, RealHosts.all().size());
    }

    @Test
    void everyFeatureOfTheTableHasAReason() {
        for (GuestView.Hidden h : GuestView.table()) assertTrue(h.why().length() > 10, h.name());
        for (GuestView.Added a : GuestView.addedTable()) assertTrue(a.why().length() > 10, a.name());
    }
}
