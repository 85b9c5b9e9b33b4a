package dev.virtcpu.bench;

import com.google.gson.JsonObject;
import dev.virtcpu.lsp.LspClient;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.Feature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.virtcpu.lsp.LspClient.obj;

/**
 * Language-server benchmark (run by bench/lsp.sh; not a test). Generates a 2 000-line domain and
 * host sets of 100, 1 000 and 10 000 hosts, then measures, through real stdio sessions:
 * didChange→publishDiagnostics latency, completion latency, process start→first diagnostics,
 * resident memory with the 1 000-host set, and latency and memory with the 10 000-host set.
 * Optionally measures LemMinX on the same document.
 *
 * <p>Arguments: WORKDIR SERVER_CMD... [-- LEMMINX_CMD...]; server variants are given by the script
 * as environment (VIRTCPU_JAVA_OPTS) so the launcher's own JVM flags are what is measured.
 */
public final class LspBench {
    static final int WARMUP = 20;
    static final int EDITS = 200;
    static final int COMPLETIONS = 200;
    static final int STARTS = 5;
    static final String[] MODELS = {"Haswell-noTSX-IBRS", "Broadwell-noTSX-IBRS", "Skylake-Server-IBRS", "Cascadelake-Server", "Icelake-Server"};

    private LspBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        String what = args[1];
        List<String> cmd = Arrays.asList(args).subList(2, args.length);
        Workspace ws = Workspace.create(work);
        switch (what) {
            case "latency" -> latency(ws, cmd, true);
            case "latency-peer" -> latency(ws, cmd, false);
            case "start" -> start(ws, cmd, true);
            case "start-peer" -> start(ws, cmd, false);
            case "memory" -> memory(ws, cmd);
            case "latency10k" -> latency10k(ws, cmd);
            default -> throw new IllegalArgumentException(what);
        }
    }

    // ---- generated workspace ---------------------------------------------------------------------

    record Workspace(Path dir, Path domain100, Path domain1000, String domain, int cpuLine, int modelLine, int[] featureLines,
                     int[] outsideLines) {
        static Workspace create(Path dir) throws Exception {
            Files.createDirectories(dir);
            Random rnd = new Random(20240901);
            List<String> features = new ArrayList<>();
            for (Feature f : BundledMap.get().x86().features()) features.add(f.name());
            if (!Files.exists(dir.resolve("hosts10000"))) {
                for (int n : new int[]{100, 1000, 10000}) {
                    Path hosts = Files.createDirectories(dir.resolve("hosts" + n));
                    for (int i = 0; i < n; i++) {
                        StringBuilder sb = new StringBuilder("<cpu>\n  <arch>x86_64</arch>\n  <model>")
                                .append(MODELS[rnd.nextInt(MODELS.length)]).append("</model>\n  <vendor>Intel</vendor>\n");
                        for (int k = 0; k < 8; k++) sb.append("  <feature name='").append(features.get(rnd.nextInt(features.size()))).append("'/>\n");
                        sb.append("</cpu>\n");
                        Files.writeString(hosts.resolve(String.format("host-%04d.cpu.xml", i)), sb.toString());
                    }
                }
                Files.writeString(dir.resolve(".virtcpu.json"), "{\n  \"hostSets\": {\"h100\": [\"hosts100/*.xml\"], "
                        + "\"h1000\": [\"hosts1000/*.xml\"], \"h10000\": [\"hosts10000/*.xml\"]},\n  \"defaultHostSet\": \"h100\",\n"
                        + "  \"files\": [{\"pattern\": \"domains1000/*.xml\", \"hostSet\": \"h1000\"},"
                        + " {\"pattern\": \"domains10000/*.xml\", \"hostSet\": \"h10000\"}]\n}\n");
            }
            List<String> lines = new ArrayList<>(List.of("<domain type='kvm'>", "  <name>bench</name>",
                    "  <uuid>5a1c8d4e-3b1f-4c9a-9a77-0c7e3c1d2b10</uuid>", "  <memory unit='KiB'>8388608</memory>",
                    "  <vcpu placement='static'>8</vcpu>", "  <os>", "    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>",
                    "  </os>", "  <features>", "    <acpi/>", "    <apic/>", "  </features>"));
            int cpuLine = lines.size();
            lines.add("  <cpu mode='custom' match='exact' check='partial'>");
            int modelLine = lines.size();
            lines.add("    <model fallback='forbid'>Skylake-Server-IBRS</model>");
            lines.add("    <vendor>Intel</vendor>");
            lines.add("    <topology sockets='1' dies='1' cores='4' threads='2'/>");
            int[] featureLines = new int[12];
            String[] initial = {"pcid", "pku", "avx512vnni", "md-clear", "ssbd", "stibp", "abm", "pdpe1gb", "ibpb", "vmx", "invtsc", "xsaves"};
            for (int i = 0; i < featureLines.length; i++) {
                featureLines[i] = lines.size();
                lines.add("    <feature policy='require' name='" + initial[i] + "'/>");
            }
            lines.add("  </cpu>");
            lines.add("  <devices>");
            lines.add("    <emulator>/usr/bin/qemu-system-x86_64</emulator>");
            List<Integer> outside = new ArrayList<>();
            int i = 0;
            while (lines.size() < 1996) {
                String dev = "vd" + (char) ('a' + i % 26) + (i / 26);
                lines.add("    <disk type='file' device='disk'>");
                lines.add("      <driver name='qemu' type='qcow2' discard='unmap'/>");
                outside.add(lines.size());
                lines.add("      <source file='/var/lib/libvirt/images/bench-" + i + ".qcow2'/>");
                lines.add("      <target dev='" + dev + "' bus='virtio'/>");
                lines.add("    </disk>");
                lines.add("    <interface type='bridge'>");
                lines.add("      <mac address='52:54:00:" + String.format("%02x:%02x:%02x", i % 256, (i / 256) % 256, 7) + "'/>");
                lines.add("      <source bridge='br" + i + "'/>");
                lines.add("      <model type='virtio'/>");
                lines.add("    </interface>");
                i++;
            }
            lines.add("    <memballoon model='virtio'/>");
            lines.add("  </devices>");
            lines.add("</domain>");
            String text = String.join("\n", lines) + "\n";
            Path d100 = Files.createDirectories(dir.resolve("domains")).resolve("bench.xml");
            Path d1000 = Files.createDirectories(dir.resolve("domains1000")).resolve("bench.xml");
            Files.writeString(d100, text);
            Files.writeString(d1000, text);
            Files.writeString(Files.createDirectories(dir.resolve("domains10000")).resolve("bench.xml"), text);
            return new Workspace(dir, d100, d1000, text, cpuLine, modelLine, featureLines, outside.stream().mapToInt(x -> x).toArray());
        }

        String[] lines() {
            return domain.split("\n", -1);
        }
    }

    // ---- sessions ------------------------------------------------------------------------------

    /** The completion capabilities VS Code 1.99 and Neovim 0.9 announce: lazy documentation, shared edit range. */
    static JsonObject initialize(LspClient c, Workspace ws) throws Exception {
        JsonObject r = c.call("initialize", obj("processId", ProcessHandle.current().pid(), "rootUri", ws.dir().toUri().toString(),
                "capabilities", obj("workspace", obj("configuration", false, "didChangeWatchedFiles", obj("dynamicRegistration", false)),
                        "textDocument", obj("publishDiagnostics", obj("versionSupport", true),
                                "completion", obj("completionItem", obj("documentationFormat", List.of("markdown"),
                                                "resolveSupport", obj("properties", List.of("documentation", "detail"))),
                                        "completionList", obj("itemDefaults", List.of("editRange"))))))).getAsJsonObject();
        c.notify("initialized", obj());
        return r;
    }

    static void open(LspClient c, String uri, String text) {
        c.notify("textDocument/didOpen", obj("textDocument", obj("uri", uri, "languageId", "xml", "version", 1, "text", text)));
    }

    /** Versioned diagnostics for our server; the next publication for the peer (it does not send versions). */
    static long awaitDiagnostics(LspClient c, int mark, String uri, int version, boolean versioned) throws Exception {
        return c.awaitDiagnostics(mark, uri, p -> !versioned || p.has("version") && p.get("version").getAsInt() == version).nanos();
    }

    static void latency(Workspace ws, List<String> cmd, boolean ours) throws Exception {
        latency(ws, cmd, ours, ws.domain100(), "");
    }

    /**
     * didChange latency and resident memory with the 10 000-host set (the same edits as {@link #latency};
     * completion and memory are measured there with the smaller sets).
     */
    static void latency10k(Workspace ws, List<String> cmd) throws Exception {
        latency(ws, cmd, true, ws.dir().resolve("domains10000/bench.xml"), "10000 hosts ");
    }

    static void latency(Workspace ws, List<String> cmd, boolean ours, Path domain, String label) throws Exception {
        String uri = domain.toUri().toString();
        boolean tenThousand = !label.isEmpty();
        try (LspClient c = LspClient.start(cmd, ws.dir())) {
            initialize(c, ws);
            int mark = c.mark();
            open(c, uri, ws.domain());
            awaitDiagnostics(c, mark, uri, 1, ours);
            String[] lines = ws.lines();
            Random rnd = new Random(7);
            String[] names = {"pcid", "pku", "avx512vnni", "md-clear", "ssbd", "stibp", "abm", "pdpe1gb", "ibpb", "vmx", "invtsc",
                    "xsaves", "avx512f", "rdseed", "adx", "smap", "clwb", "erms", "fma", "bmi2"};
            List<Double> lat = new ArrayList<>();
            List<Double> inCpu = new ArrayList<>();
            List<Double> outside = new ArrayList<>();
            int version = 1;
            for (int i = 0; i < WARMUP + EDITS; i++) {
                int line;
                String next;
                int kind = i % 5;
                if (kind < 3) {
                    line = ws.featureLines()[rnd.nextInt(ws.featureLines().length)];
                    next = "    <feature policy='require' name='" + names[rnd.nextInt(names.length)] + "'/>";
                } else if (kind == 3) {
                    line = ws.modelLine();
                    next = "    <model fallback='forbid'>" + MODELS[rnd.nextInt(MODELS.length)] + "</model>";
                } else {
                    line = ws.outsideLines()[rnd.nextInt(ws.outsideLines().length)];
                    next = "      <source file='/var/lib/libvirt/images/edited-" + i + ".qcow2'/>";
                }
                Map<String, Object> range = obj("start", obj("line", line, "character", 0), "end", obj("line", line, "character", lines[line].length()));
                lines[line] = next;
                version++;
                mark = c.mark();
                long t0 = System.nanoTime();
                c.notify("textDocument/didChange", obj("textDocument", obj("uri", uri, "version", version),
                        "contentChanges", List.of(obj("range", range, "text", next))));
                long t1 = awaitDiagnostics(c, mark, uri, version, ours);
                if (i >= WARMUP) {
                    double ms = (t1 - t0) / 1e6;
                    lat.add(ms);
                    (kind == 4 ? outside : inCpu).add(ms);
                }
            }
            System.out.printf(label + "didChange->diagnostics ms: p50 %.1f  p95 %.1f  max %.1f  (n=%d; in <cpu> p50 %.1f p95 %.1f; outside p50 %.1f p95 %.1f)%n",
                    pct(lat, 50), pct(lat, 95), pct(lat, 100), lat.size(), pct(inCpu, 50), pct(inCpu, 95), pct(outside, 50), pct(outside, 95));
            if (tenThousand) {
                String status = Files.readString(Path.of("/proc", String.valueOf(c.process().pid()), "status"), StandardCharsets.UTF_8);
                System.out.printf("memory with 10000 hosts: VmRSS %d MB  VmHWM %d MB%n", kb(status, "VmRSS") / 1024, kb(status, "VmHWM") / 1024);
                c.shutdownAndExit();
                return;
            }
            if (ours) {
                List<Double> comp = new ArrayList<>();
                for (int i = 0; i < WARMUP + COMPLETIONS; i++) {
                    boolean model = i % 2 == 0;
                    int line = model ? ws.modelLine() : ws.featureLines()[0];
                    int ch = model ? lines[line].indexOf('>') + 1 : lines[line].indexOf("name='") + 6;
                    long t0 = System.nanoTime();
                    c.call("textDocument/completion", obj("textDocument", obj("uri", uri), "position", obj("line", line, "character", ch)));
                    if (i >= WARMUP) comp.add((System.nanoTime() - t0) / 1e6);
                }
                System.out.printf("completion ms: p50 %.1f  p95 %.1f  max %.1f  (n=%d, models and feature names)%n",
                        pct(comp, 50), pct(comp, 95), pct(comp, 100), comp.size());
                c.shutdownAndExit();
            }
        }
    }

    static void start(Workspace ws, List<String> cmd, boolean ours) throws Exception {
        String uri = ws.domain100().toUri().toString();
        List<Double> t = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long t0 = System.nanoTime();
            try (LspClient c = LspClient.start(cmd, ws.dir())) {
                initialize(c, ws);
                init.add((System.nanoTime() - t0) / 1e6);
                int mark = c.mark();
                open(c, uri, ws.domain());
                long t1 = awaitDiagnostics(c, mark, uri, 1, ours);
                t.add((t1 - t0) / 1e6);
            }
        }
        System.out.printf("start->first diagnostics ms: median %.0f  (runs %s; initialize answered after median %.0f ms)%n",
                pct(t, 50), t.stream().map(x -> String.format("%.0f", x)).toList(), pct(init, 50));
    }

    static void memory(Workspace ws, List<String> cmd) throws Exception {
        String uri = ws.domain1000().toUri().toString();
        try (LspClient c = LspClient.start(cmd, ws.dir())) {
            initialize(c, ws);
            int mark = c.mark();
            long t0 = System.nanoTime();
            open(c, uri, ws.domain());
            JsonObject first = c.awaitDiagnostics(mark, uri, p -> true).params();
            double ms = (System.nanoTime() - t0) / 1e6;
            String[] lines = ws.lines();
            int version = 1;
            for (int i = 0; i < 50; i++) {
                int line = ws.featureLines()[i % ws.featureLines().length];
                String next = "    <feature policy='require' name='" + (i % 2 == 0 ? "avx512f" : "pcid") + "'/>";
                Map<String, Object> range = obj("start", obj("line", line, "character", 0), "end", obj("line", line, "character", lines[line].length()));
                lines[line] = next;
                version++;
                mark = c.mark();
                c.notify("textDocument/didChange", obj("textDocument", obj("uri", uri, "version", version),
                        "contentChanges", List.of(obj("range", range, "text", next))));
                final int v = version;
                c.awaitDiagnostics(mark, uri, p -> p.has("version") && p.get("version").getAsInt() == v);
                c.call("textDocument/completion", obj("textDocument", obj("uri", uri), "position",
                        obj("line", ws.modelLine(), "character", lines[ws.modelLine()].indexOf('>') + 1)));
            }
            String status = Files.readString(Path.of("/proc", String.valueOf(c.process().pid()), "status"), StandardCharsets.UTF_8);
            String summary = first.getAsJsonArray("diagnostics").asList().stream().map(d -> d.getAsJsonObject())
                    .filter(d -> d.get("code").getAsString().equals("host-set-summary")).map(d -> d.get("message").getAsString()).findFirst().orElse("?");
            System.out.printf("memory with 1000 hosts: VmRSS %d MB  VmHWM %d MB  (first diagnostics after open %.0f ms: %s)%n",
                    kb(status, "VmRSS") / 1024, kb(status, "VmHWM") / 1024, ms, summary);
            c.shutdownAndExit();
        }
    }

    static long kb(String status, String key) {
        for (String l : status.split("\n")) {
            if (l.startsWith(key + ":")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    static double pct(List<Double> xs, int p) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
