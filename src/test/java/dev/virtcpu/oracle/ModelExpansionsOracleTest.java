package dev.virtcpu.oracle;

import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed model expansions are what libvirt 12.8.0's virsh says today: a seeded sample of models
 * is expanded again in the sid chroot ({@code cpu-baseline --features} on a lone host CPU of the model)
 * and compared. Without the chroot it skips ({@link Prerequisites}: under CI it fails).
 */
class ModelExpansionsOracleTest {
    private static final int SAMPLE = 12;

    @Test
    void aSampleOfCommittedExpansionsMatchesTheChrootsVirsh() throws Exception {
        Path chroot = Prerequisites.sidChroot();
        Virsh virsh = Virsh.chroot(chroot);
        long seed = Long.getLong("virtcpu.expansions.seed", new Random().nextLong());
        System.out.println("model expansions seed=" + seed + " (rerun with -Dvirtcpu.expansions.seed=" + seed + ")");
        List<String> models = new ArrayList<>(ModelExpansions.all().keySet());
        Collections.shuffle(models, new Random(seed));
        Path input = chroot.resolve("tmp/virtcpu-expansion-check.xml");
        try {
            for (String model : models.subList(0, SAMPLE)) {
                Files.writeString(input, "<cpu><arch>x86_64</arch><model>" + model + "</model></cpu>\n", StandardCharsets.UTF_8);
                Virsh.Result r = virsh.cpuBaseline("/tmp/virtcpu-expansion-check.xml", true, null);
                assertEquals(0, r.exit(), r.stderrText());
                Set<String> required = new TreeSet<>();
                for (String line : r.stdoutText().split("\n")) {
                    int at = line.indexOf("policy='require' name='");
                    if (at >= 0) required.add(line.substring(at + 23, line.indexOf('\'', at + 23)));
                }
                assertEquals(ModelExpansions.of(model), required, model + ": " + ModelExpansions.FILE
                        + " is stale; regenerate it with " + ModelExpansions.generator());
            }
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
