package dev.virtcpu.hosts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code .virtcpu.json}; never throws: every problem is recorded with its place in the file. */
public final class ConfigLoader {
    private static final Set<String> KEYS = Set.of("$schema", "hostSets", "defaultHostSet", "files", "ignore", "cpuMap",
            "libvirtSchemas", "severity", "migratable");
    private static final Set<String> SEVERITIES = Set.of("error", "warning", "info", "hint", "off");

    private ConfigLoader() {
    }

    public static Config parse(Path file, String text) {
        Config c = new Config();
        c.file = file;
        c.dir = file == null ? null : file.toAbsolutePath().normalize().getParent();
        Json.Node root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxError e) {
            c.problems.add(new Problem(file, e.offset, Math.min(text.length(), e.offset + 1), "config-syntax",
                    "invalid JSON: " + e.getMessage()));
            return c;
        }
        fromJson(c, root);
        return c;
    }

    /** Fills a config from already-parsed JSON (also used for editor settings). */
    public static void fromJson(Config c, Json.Node root) {
        Map<String, Json.Node> obj = root.object();
        if (obj == null) {
            problem(c, root, "the configuration must be a JSON object");
            return;
        }
        for (Map.Entry<String, Json.Node> e : obj.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                Json.Node key = root.keys().get(e.getKey());
                problem(c, key, "unknown property \"" + e.getKey() + "\" (expected one of hostSets, defaultHostSet, files, "
                        + "ignore, cpuMap, libvirtSchemas, severity, migratable)");
            }
        }
        Json.Node sets = obj.get("hostSets");
        if (sets != null) hostSets(c, sets);
        Json.Node def = obj.get("defaultHostSet");
        if (def != null) {
            if (def.string() == null) problem(c, def, "\"defaultHostSet\" must be a string");
            else if (!c.hostSets.containsKey(def.string())) problem(c, def, "host set \"" + def.string() + "\" is not defined in hostSets");
            else c.defaultHostSet = def.string();
        }
        Json.Node files = obj.get("files");
        if (files != null) {
            if (files.array() == null) problem(c, files, "\"files\" must be an array of {\"pattern\", \"hostSet\"} objects");
            else for (Json.Node f : files.array()) fileMapping(c, f);
        }
        Json.Node ignore = obj.get("ignore");
        if (ignore != null) {
            for (Json.Node g : stringList(c, ignore, "ignore")) c.ignore.add(g.string());
        }
        c.cpuMap = path(c, obj.get("cpuMap"), "cpuMap");
        c.libvirtSchemas = path(c, obj.get("libvirtSchemas"), "libvirtSchemas");
        Json.Node sev = obj.get("severity");
        if (sev != null) {
            if (sev.object() == null) problem(c, sev, "\"severity\" must map finding codes to error, warning, info or off");
            else for (Map.Entry<String, Json.Node> e : sev.object().entrySet()) {
                String v = e.getValue().string();
                if (v == null || !SEVERITIES.contains(v)) problem(c, e.getValue(), "severity must be error, warning, info or off");
                else c.severity.put(e.getKey(), v);
            }
        }
        Json.Node mig = obj.get("migratable");
        if (mig != null) {
            if (!(mig.value() instanceof Boolean b)) problem(c, mig, "\"migratable\" must be true or false");
            else c.migratable = b;
        }
    }

    private static void hostSets(Config c, Json.Node sets) {
        if (sets.object() == null) {
            problem(c, sets, "\"hostSets\" must map set names to lists of host files");
            return;
        }
        for (Map.Entry<String, Json.Node> e : sets.object().entrySet()) {
            String name = e.getKey();
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                problem(c, sets.keys().get(name), "host set names may use letters, digits, '_', '.' and '-'");
                continue;
            }
            Json.Node list = e.getValue();
            List<Json.Node> members = list.array();
            if (members == null) {
                problem(c, list, "host set \"" + name + "\" must be a list of globs or {\"file\", \"name\"} objects");
                continue;
            }
            if (members.isEmpty()) {
                problem(c, list, "host set \"" + name + "\" is empty: list at least one host file or glob");
                continue;
            }
            java.util.List<Config.HostSource> sources = new java.util.ArrayList<>();
            for (Json.Node m : members) {
                if (m.string() != null) {
                    sources.add(new Config.HostSource(m.string(), null, null, m.start(), m.end()));
                } else if (m.object() != null) {
                    for (String k : m.object().keySet()) {
                        if (!Set.of("file", "name", "glob").contains(k)) {
                            problem(c, m.keys().get(k), "unknown property \"" + k + "\" in a host entry (expected file, name or glob)");
                        }
                    }
                    Json.Node file = m.object().get("file");
                    Json.Node glob = m.object().get("glob");
                    Json.Node hostName = m.object().get("name");
                    if (file != null && file.string() != null) {
                        sources.add(new Config.HostSource(null, file.string(), hostName == null ? null : hostName.string(),
                                m.start(), m.end()));
                    } else if (glob != null && glob.string() != null) {
                        sources.add(new Config.HostSource(glob.string(), null, null, m.start(), m.end()));
                    } else {
                        problem(c, m, "a host entry needs \"file\" (and optionally \"name\") or \"glob\"");
                    }
                } else {
                    problem(c, m, "a host entry must be a glob string or a {\"file\", \"name\"} object");
                }
            }
            c.hostSets.put(name, sources);
        }
    }

    private static void fileMapping(Config c, Json.Node f) {
        Map<String, Json.Node> o = f.object();
        String pattern = o == null || o.get("pattern") == null ? null : o.get("pattern").string();
        String set = o == null || o.get("hostSet") == null ? null : o.get("hostSet").string();
        if (pattern == null || set == null) {
            problem(c, f, "a file mapping needs \"pattern\" and \"hostSet\" strings");
        } else if (!c.hostSets.containsKey(set)) {
            problem(c, o.get("hostSet"), "host set \"" + set + "\" is not defined in hostSets");
        } else {
            c.files.add(new Config.FileMapping(pattern, set));
        }
    }

    private static List<Json.Node> stringList(Config c, Json.Node n, String what) {
        if (n.array() == null) {
            problem(c, n, "\"" + what + "\" must be an array of strings");
            return List.of();
        }
        java.util.List<Json.Node> out = new java.util.ArrayList<>();
        for (Json.Node x : n.array()) {
            if (x.string() == null) problem(c, x, "\"" + what + "\" entries must be strings");
            else out.add(x);
        }
        return out;
    }

    private static Path path(Config c, Json.Node n, String what) {
        if (n == null) return null;
        if (n.string() == null) {
            problem(c, n, "\"" + what + "\" must be a path string");
            return null;
        }
        Path p = Path.of(n.string());
        return c.dir == null || p.isAbsolute() ? p : c.dir.resolve(p).normalize();
    }

    private static void problem(Config c, Json.Node at, String message) {
        int start = at == null ? 0 : at.start();
        int end = at == null ? 0 : at.end();
        c.problems.add(new Problem(c.file, start, end, "config-invalid", message));
    }
}
