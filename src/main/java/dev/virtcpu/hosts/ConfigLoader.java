package dev.virtcpu.hosts;

import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.LibvirtVersion;
import dev.virtcpu.model.X86Level;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code .virtcpu.json}; never throws: every problem is recorded with its place in the file. */
public final class ConfigLoader {
    private static final Set<String> KEYS = Set.of("$schema", "hostSets", "defaultHostSet", "files", "ignore", "cpuMap",
            "libvirt", "minimumLevel", "libvirtSchemas", "severity", "migratable");
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
                        + "ignore, cpuMap, libvirt, minimumLevel, libvirtSchemas, severity, migratable)");
            }
        }
        // cpuMap first: whether a "libvirt" release must be a bundled one depends on it.
        c.cpuMap = path(c, obj.get("cpuMap"), "cpuMap");
        if (c.cpuMap != null) c.cpuMapAt = new int[]{obj.get("cpuMap").start(), obj.get("cpuMap").end()};
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
            for (Json.Node g : stringList(c, ignore, "ignore")) {
                if (validPattern(c, g)) c.ignore.add(g.string());
            }
        }
        c.libvirt = libvirt(c, obj.get("libvirt"));
        c.minimumLevel = level(c, obj.get("minimumLevel"));
        c.libvirtSchemas = path(c, obj.get("libvirtSchemas"), "libvirtSchemas");
        if (c.libvirtSchemas != null) c.libvirtSchemasAt = new int[]{obj.get("libvirtSchemas").start(), obj.get("libvirtSchemas").end()};
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
            Json.Node list = hostList(c, name, e.getValue());
            if (list == null) continue;
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
                    if (validGlob(c, m, m.string())) sources.add(new Config.HostSource(m.string(), null, null, m.start(), m.end()));
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
                        if (inside(c, file)) sources.add(new Config.HostSource(null, file.string(),
                                hostName == null ? null : hostName.string(), m.start(), m.end()));
                    } else if (glob != null && glob.string() != null) {
                        if (validGlob(c, glob, glob.string())) sources.add(new Config.HostSource(glob.string(), null, null, m.start(), m.end()));
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

    /**
     * A host set's list of hosts: the value itself, or its "hosts" when it is written as an object
     * ({@code {"libvirt": "9.0.0", "hosts": […]}}), whose "libvirt" is recorded. Null after a problem.
     */
    private static Json.Node hostList(Config c, String name, Json.Node value) {
        Map<String, Json.Node> o = value.object();
        if (o == null) return value;
        for (String k : o.keySet()) {
            if (!k.equals("hosts") && !k.equals("libvirt")) {
                problem(c, value.keys().get(k), "unknown property \"" + k + "\" in host set \"" + name + "\" (expected hosts or libvirt)");
            }
        }
        String release = libvirt(c, o.get("libvirt"));
        if (release != null) c.hostSetLibvirt.put(name, release);
        Json.Node hosts = o.get("hosts");
        if (hosts == null) problem(c, value, "host set \"" + name + "\" written as an object needs \"hosts\": a list of host files");
        return hosts;
    }

    /** A "libvirt" release: a version; without cpuMap, one of the bundled maps. Null if absent or wrong. */
    private static String libvirt(Config c, Json.Node n) {
        if (n == null) return null;
        LibvirtVersion v = LibvirtVersion.parse(n.string());
        if (v == null) {
            problem(c, n, "\"libvirt\" must be a libvirt release such as \"9.0.0\"");
            return null;
        }
        if (c.cpuMap == null && !BundledMap.VERSIONS.contains(v.toString())) {
            problem(c, n, "libvirt " + v + " is not bundled (bundled: " + String.join(", ", BundledMap.VERSIONS)
                    + "); set \"cpuMap\" to its cpu_map directory");
            return null;
        }
        return v.toString();
    }

    /** An x86-64 level such as "x86-64-v2". Null if absent or wrong. */
    private static X86Level level(Config c, Json.Node n) {
        if (n == null) return null;
        X86Level level = X86Level.parse(n.string());
        if (level == null || !level.label().equals(n.string())) {
            problem(c, n, "\"minimumLevel\" must be x86-64-v1, x86-64-v2, x86-64-v3 or x86-64-v4");
            return null;
        }
        return level;
    }

    private static void fileMapping(Config c, Json.Node f) {
        Map<String, Json.Node> o = f.object();
        String pattern = o == null || o.get("pattern") == null ? null : o.get("pattern").string();
        String set = o == null || o.get("hostSet") == null ? null : o.get("hostSet").string();
        boolean hasLevel = o != null && o.get("minimumLevel") != null;
        if (o != null) {
            for (String k : o.keySet()) {
                if (!Set.of("pattern", "hostSet", "minimumLevel").contains(k)) {
                    problem(c, f.keys().get(k), "unknown property \"" + k + "\" in a file mapping (expected pattern, hostSet, minimumLevel)");
                }
            }
        }
        if (pattern == null || (set == null && !hasLevel)) {
            problem(c, f, "a file mapping needs a \"pattern\" string and a \"hostSet\" or a \"minimumLevel\"");
            return;
        }
        if (set != null && !c.hostSets.containsKey(set)) {
            problem(c, o.get("hostSet"), "host set \"" + set + "\" is not defined in hostSets");
            return;
        }
        if (o.get("hostSet") != null && set == null) {
            problem(c, o.get("hostSet"), "\"hostSet\" must be a string");
            return;
        }
        X86Level level = level(c, o.get("minimumLevel"));
        if (hasLevel && level == null) return;
        if (validPattern(c, o.get("pattern"))) c.files.add(new Config.FileMapping(pattern, set, level));
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
        Path p;
        try {
            p = Path.of(n.string());
        } catch (java.nio.file.InvalidPathException e) {
            problem(c, n, "\"" + what + "\" is not a valid path: " + e.getMessage());
            return null;
        }
        return c.dir == null || p.isAbsolute() ? p : c.dir.resolve(p).normalize();
    }

    /** A host glob must compile and, in a configuration file, stay inside its directory. */
    private static boolean validGlob(Config c, Json.Node at, String glob) {
        try {
            Globs.check(glob, c.file != null);
            return true;
        } catch (Globs.GlobException e) {
            problem(c, at, e.getMessage());
            return false;
        }
    }

    private static boolean inside(Config c, Json.Node at) {
        try {
            if (c.file != null) Globs.confine(at.string());
            return true;
        } catch (Globs.GlobException e) {
            problem(c, at, e.getMessage());
            return false;
        }
    }

    /** A {@code files} or {@code ignore} pattern must compile (it only ever matches inside the directory). */
    private static boolean validPattern(Config c, Json.Node at) {
        try {
            Globs.check(at.string(), false);
            return true;
        } catch (Globs.GlobException e) {
            problem(c, at, e.getMessage());
            return false;
        }
    }

    private static void problem(Config c, Json.Node at, String message) {
        int start = at == null ? 0 : at.start();
        int end = at == null ? 0 : at.end();
        c.problems.add(new Problem(c.file, start, end, "config-invalid", message));
    }
}
