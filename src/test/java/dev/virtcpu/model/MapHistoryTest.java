package dev.virtcpu.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * "Since" knowledge: the first bundled release whose map has a name. Expected values were read off
 * the Debian packages' cpu_map directories (which x86_MODEL.xml files and feature names each has).
 */
class MapHistoryTest {
    private final MapHistory history = MapHistory.bundled();

    @Test
    void coversTheBundledReleasesOldestFirst() {
        assertEquals(BundledMap.VERSIONS, history.versions());
        assertEquals("9.0.0", history.previous("11.3.0"));
        assertNull(history.previous("7.0.0"));
    }

    @Test
    void modelsPresentInEveryReleaseDateFromTheOldest() {
        assertEquals("7.0.0", history.modelSince("x86", "Cooperlake"));
        assertEquals("7.0.0", history.modelSince("x86", "qemu64"));
    }

    @Test
    void modelsAddedLaterDateFromTheFirstReleaseThatHasThem() {
        assertEquals("9.0.0", history.modelSince("x86", "EPYC-Milan"));
        assertEquals("11.3.0", history.modelSince("x86", "SapphireRapids"));
        assertEquals("11.3.0", history.modelSince("x86", "Haswell-v4"));
        assertEquals("12.8.0", history.modelSince("x86", "YongFeng"));
    }

    @Test
    void featuresDateTheSameWay() {
        assertEquals("7.0.0", history.featureSince("x86", "fsrm"));
        assertEquals("9.0.0", history.featureSince("x86", "amx-bf16"));
        assertEquals("11.3.0", history.featureSince("x86", "vmx-ept"));
        assertEquals("12.8.0", history.featureSince("x86", "amx-int8-alias"));
    }

    @Test
    void namesNoBundledMapHasHaveNoDate() {
        assertNull(history.modelSince("x86", "Haswel"));
        assertNull(history.featureSince("x86", "pclmulqdq"));
        assertNull(history.modelSince("ppc64", "Haswell"));
    }

    @Test
    void archesAreKeptApart() {
        assertEquals("9.0.0", history.modelSince("ppc64", "POWER10"));
        assertEquals("7.0.0", history.modelSince("ppc64", "POWER9"));
    }
}
