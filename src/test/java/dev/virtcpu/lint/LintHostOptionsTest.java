package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.virtcpu.lint.Fixtures.CONFIG;
import static dev.virtcpu.lint.Fixtures.CPU_MAP_DOMAINS;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.PROD_HOSTS;
import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the files are checked against: --hosts, --host-set, --config and --cpu-map. */
class LintHostOptionsTest {

    private static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json", "--severity", "info"));
        all.addAll(List.of(args));
        return parse(lint(all.toArray(String[]::new)).out());
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        for (JsonNode f : report.get("files")) {
            for (JsonNode finding : f.get("findings")) codes.add(finding.get("code").asText());
        }
        return codes;
    }

    private static List<String> messages(JsonNode report, String code) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("files")) {
            for (JsonNode finding : f.get("findings")) {
                if (finding.get("code").asText().equals(code)) out.add(finding.get("message").asText());
            }
        }
        return out;
    }

    @Test
    void hostsGlobIsAnAdHocHostSetReplacingTheConfiguredOne() {
        JsonNode report = json("--hosts", PROD_HOSTS + "/kvm-prod-01.xml", DOMAINS + "/too-new.xml");
        assertEquals(List.of("host-set-summary"), codes(report));
        assertTrue(messages(report, "host-set-summary").get(0).startsWith("runs on 1 of 1 host of host set 'hosts'; "),
                report::toPrettyString);
        assertEquals(1, report.at("/summary/hostsInSets").asInt());
    }

    @Test
    void hostsIsRepeatableAndTakesGlobs() {
        JsonNode report = json("--hosts", PROD_HOSTS + "/*-01.xml", "--hosts", PROD_HOSTS + "/*-04.xml", DOMAINS + "/too-new.xml");
        assertEquals(2, report.at("/summary/hostsInSets").asInt());
        assertTrue(codes(report).contains("host-missing-model-feature"));
    }

    @Test
    void hostsAcceptsAnAbsoluteGlob() {
        JsonNode report = json("--hosts", Fixtures.path(PROD_HOSTS) + "/*.xml", DOMAINS + "/too-new.xml");
        assertEquals(2, report.at("/summary/hostsInSets").asInt());
    }

    @Test
    void hostsGlobMatchingNoFileIsAUsageError() {
        LintRun run = lint("--hosts", PROD_HOSTS + "/nothing-*.xml", DOMAINS + "/clean.xml");
        assertEquals(2, run.exit());
        assertEquals("virtcpu: --hosts " + PROD_HOSTS + "/nothing-*.xml matches no host file\n", run.err());
    }

    @Test
    void hostSetOptionChoosesANamedSetOfTheConfiguration() {
        JsonNode report = json("--host-set", "lab", DOMAINS + "/too-new.xml");
        assertEquals(List.of("host CPU vendor does not match required CPU vendor Intel on 2 of 2 hosts: "
                        + "epyc-lab-02-03.cpu#1, epyc-lab-02-03.cpu#2"), messages(report, "host-vendor-mismatch"));
        assertTrue(messages(report, "host-set-summary").get(0).startsWith("runs on 0 of 2 hosts of host set 'lab'"));
    }

    @Test
    void hostSetOptionOverridesTheFileMappingOfTheConfiguration() {
        JsonNode report = json("--host-set", "prod", DOMAINS + "/lab/amd.xml");
        assertTrue(messages(report, "host-set-summary").get(0).startsWith("runs on 0 of 2 hosts of host set 'prod'"),
                report::toPrettyString);
    }

    @Test
    void anUndefinedHostSetIsAWarning() {
        JsonNode report = json("--host-set", "staging", DOMAINS + "/clean.xml");
        assertEquals(List.of("host set 'staging' is not defined in .virtcpu.json"), messages(report, "host-set-unknown"));
    }

    @Test
    void configOptionAppliesOneConfigurationToFilesOutsideItsDirectory() {
        JsonNode report = json("--config", CONFIG, CPU_MAP_DOMAINS + "/versioned-model.xml");
        assertEquals(2, report.at("/summary/hostsInSets").asInt());
        assertTrue(messages(report, "host-set-summary").get(0).endsWith("of 2 hosts of host set 'prod'; baseline: Haswell-noTSX-IBRS +17 features"),
                report::toPrettyString);
    }

    @Test
    void withoutAConfigurationThereIsNoHostSet() {
        JsonNode report = json(CPU_MAP_DOMAINS);
        assertEquals(List.of(), codes(report));
        assertEquals(0, report.at("/summary/hostsInSets").asInt());
    }

    @Test
    void theBundledCpuMapKnowsVersionedModelsAndZhaoxin() {
        assertEquals(0, lint(CPU_MAP_DOMAINS).exit());
    }

    @Test
    void libvirt9CpuMapDoesNotKnowVersionedModels() {
        JsonNode report = json("--cpu-map", Prerequisites.systemCpuMap().toString(), CPU_MAP_DOMAINS + "/versioned-model.xml");
        assertEquals(List.of("CPU model Cascadelake-Server-v2 is unknown to the CPU map " + Prerequisites.systemCpuMap()
                + "; libvirt 11.3.0 has it (the first bundled release that does)"), messages(report, "unknown-in-target"));
    }

    @Test
    void libvirt9CpuMapDoesNotKnowTheZhaoxinVendor() {
        JsonNode report = json("--cpu-map", Prerequisites.systemCpuMap().toString(), CPU_MAP_DOMAINS + "/zhaoxin-vendor.xml");
        assertEquals(List.of("Unknown CPU vendor Zhaoxin CentaurHauls"), messages(report, "unknown-vendor"));
        assertEquals(List.of("CPU model YongFeng is unknown to the CPU map " + Prerequisites.systemCpuMap()
                + "; libvirt 12.8.0 has it (the first bundled release that does)"), messages(report, "unknown-in-target"));
    }

    @Test
    void cpuMapOptionChangesTheExitStatus() {
        assertEquals(1, lint("--cpu-map", Prerequisites.systemCpuMap().toString(), CPU_MAP_DOMAINS).exit());
    }
}
