package dev.virtcpu.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** T1: the guest feature-list score counts only the first ⌈D/2⌉ disables (spec §4a step 3). */
class DecoderScoreTest {

    private static CpuDef list(int requires, int disables) {
        CpuDef cpu = new CpuDef();
        for (int i = 0; i < requires; i++) cpu.features.add(new CpuFeatureDef("r" + i, Policy.REQUIRE, null));
        for (int i = 0; i < disables; i++) cpu.features.add(new CpuFeatureDef("d" + i, Policy.DISABLE, null));
        return cpu;
    }

    @Test
    void fourDisablesCountAsTwo() {
        // enabled = R + ⌊D/2⌋ = 3 + 2, penalty = 2 + 3
        assertArrayEquals(new int[]{10, 5}, Decoder.score(list(3, 4)));
    }

    @Test
    void threeDisablesCountAsTwo() {
        assertArrayEquals(new int[]{6, 5}, Decoder.score(list(0, 3)));
    }

    @Test
    void oneDisableCostsTheBasePenalty() {
        assertArrayEquals(new int[]{2, 2}, Decoder.score(list(0, 1)));
    }

    @Test
    void requiresAloneCostOneEach() {
        assertArrayEquals(new int[]{5, 0}, Decoder.score(list(5, 0)));
    }
}
