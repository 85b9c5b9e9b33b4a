package dev.virtcpu.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The libosinfo table: ids as osinfo-db spells them (Debian trixie's osinfo-db 0.20250606). */
class OsLevelsTest {

    @Test
    void rhel9PointReleasesAndUnknownNeedV2() {
        assertEquals(X86Level.V2, OsLevels.forOsId("http://redhat.com/rhel/9.4").level());
        assertEquals(X86Level.V2, OsLevels.forOsId("http://redhat.com/rhel/9-unknown").level());
        assertEquals("RHEL 9", OsLevels.forOsId("http://redhat.com/rhel/9.0").os());
    }

    @Test
    void rhel10FamilyNeedsV3() {
        assertEquals(X86Level.V3, OsLevels.forOsId("http://redhat.com/rhel/10.0").level());
        assertEquals(X86Level.V3, OsLevels.forOsId("http://centos.org/centos-stream/10").level());
        assertEquals(X86Level.V3, OsLevels.forOsId("http://almalinux.org/almalinux/10").level());
        assertEquals(X86Level.V3, OsLevels.forOsId("http://almalinux.org/almalinux-kitten/10").level());
    }

    @Test
    void el9RebuildsNeedV2() {
        assertEquals(X86Level.V2, OsLevels.forOsId("http://centos.org/centos-stream/9").level());
        assertEquals(X86Level.V2, OsLevels.forOsId("http://rockylinux.org/rocky/9.0").level());
        assertEquals(X86Level.V2, OsLevels.forOsId("http://almalinux.org/almalinux/9").level());
        assertEquals(X86Level.V2, OsLevels.forOsId("http://oracle.com/ol/9.4").level());
    }

    @Test
    void sles16NeedsV2AndSles15Nothing() {
        assertEquals(X86Level.V2, OsLevels.forOsId("http://suse.com/sle/16.0").level());
        assertNull(OsLevels.forOsId("http://suse.com/sle/15.6"));
    }

    @Test
    void olderReleasesAndOtherSystemsAreNotListed() {
        assertNull(OsLevels.forOsId("http://redhat.com/rhel/8.10"));
        assertNull(OsLevels.forOsId("http://fedoraproject.org/fedora/40"));
        assertNull(OsLevels.forOsId("http://ubuntu.com/ubuntu/24.04"));
        assertNull(OsLevels.forOsId("http://redhat.com/rhel/90"));
        assertNull(OsLevels.forOsId(null));
    }
}
