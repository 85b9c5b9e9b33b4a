package dev.virtcpu.analysis;

import dev.virtcpu.analysis.schema.RelaxNgDomainValidator;
import dev.virtcpu.analysis.schema.SchemaLoadException;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.ConfigLoader;
import dev.virtcpu.hosts.Json;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.hosts.Workspace;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.MapLoadException;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what a file is analysed against: its {@code .virtcpu.json} (nearest ancestor), the host
 * set (the domain's own {@code <metadata>} choice, an explicit selection, the config's file mapping,
 * the editor's setting when the config defines that set, then the config's default), the CPU map and
 * severity overrides.
 */
public final class Project {
    /** Namespace of the metadata element choosing a host set: {@code <virtcpu:hostset name='prod'/>}. */
    public static final String METADATA_NAMESPACE = "https://virtcpu.dev/xmlns/1.0";

    private final Workspace workspace = new Workspace();
    private final Map<String, String> selections = new ConcurrentHashMap<>();
    private volatile Settings settings = Settings.NONE;
    private volatile Config forcedConfig;
    private volatile String forcedHostSet;
    private volatile String forcedLibvirt;

    /** Editor-level settings: the fallback when no configuration file decides. */
    public record Settings(String hostSet, Path cpuMap, Map<String, Severity> severity, Config fallbackConfig,
                           Path libvirtSchemas, String libvirt) {
        public static final Settings NONE = new Settings(null, null, Map.of(), null, null, null);

        public Settings(String hostSet, Path cpuMap, Map<String, Severity> severity, Config fallbackConfig) {
            this(hostSet, cpuMap, severity, fallbackConfig, null, null);
        }

        public Settings(String hostSet, Path cpuMap, Map<String, Severity> severity, Config fallbackConfig, Path libvirtSchemas) {
            this(hostSet, cpuMap, severity, fallbackConfig, libvirtSchemas, null);
        }

        /**
         * Editor settings as JSON ({@code virtcpu.*} in VS Code, {@code xml.virtcpu.*} in LemMinX):
         * hostSet, cpuMap, libvirt, severity, libvirtSchemas, and hostSets/defaultHostSet as a fallback
         * configuration (paths relative to the working directory). Unusable values are ignored.
         */
        public static Settings fromJson(String json) {
            Json.Node root;
            try {
                root = Json.parse(json == null || json.isBlank() ? "{}" : json);
            } catch (Json.SyntaxError e) {
                return NONE;
            }
            Map<String, Json.Node> o = root.object();
            if (o == null) return NONE;
            Map<String, Severity> severity = new HashMap<>();
            Json.Node sev = o.get("severity");
            if (sev != null && sev.object() != null) {
                for (Map.Entry<String, Json.Node> e : sev.object().entrySet()) {
                    Severity v = Severity.parse(e.getValue().string());
                    if (v != null) severity.put(e.getKey(), v);
                }
            }
            Config fallback = null;
            if (o.get("hostSets") != null && o.get("hostSets").object() != null) {
                fallback = new Config();
                fallback.dir = Path.of("").toAbsolutePath();
                Map<String, Json.Node> only = new java.util.LinkedHashMap<>();
                only.put("hostSets", o.get("hostSets"));
                if (o.get("defaultHostSet") != null) only.put("defaultHostSet", o.get("defaultHostSet"));
                ConfigLoader.fromJson(fallback, new Json.Node(only, root.start(), root.end(), root.keys()));
            }
            return new Settings(string(o, "hostSet"), path(o, "cpuMap"), severity, fallback, path(o, "libvirtSchemas"),
                    string(o, "libvirt"));
        }

        private static String string(Map<String, Json.Node> o, String key) {
            Json.Node n = o.get(key);
            String s = n == null ? null : n.string();
            return s == null || s.isBlank() ? null : s;
        }

        private static Path path(Map<String, Json.Node> o, String key) {
            String s = string(o, key);
            try {
                return s == null ? null : Path.of(s);
            } catch (java.nio.file.InvalidPathException e) {
                return null;
            }
        }
    }

    /**
     * A resolved context, plus what could not be used as configured: {@code configProblems} belong to
     * the configuration file (a map or schema directory it names that cannot be loaded, a host set it
     * does not define); {@code problem} says the same when no configuration file is involved (editor
     * settings, command-line options).
     */
    public record Resolution(AnalysisContext context, Config config, String problem, List<Problem> configProblems) {
        public Resolution(AnalysisContext context, Config config, String problem) {
            this(context, config, problem, List.of());
        }
    }

    public Workspace workspace() { return workspace; }

    public void setSettings(Settings s) {
        settings = s == null ? Settings.NONE : s;
        workspace.setFallback(settings.fallbackConfig());
    }

    public Settings settings() { return settings; }

    /** Pins a host set for every file governed by the configuration of {@code file}. */
    public void select(Path file, String hostSet) {
        Config c = configFor(file);
        String key = c == null || c.file == null ? "" : c.file.toString();
        if (hostSet == null) selections.remove(key);
        else selections.put(key, hostSet);
    }

    /** Use this configuration for every file instead of discovering one (lint --config, --hosts). */
    public void forceConfig(Config config) {
        forcedConfig = config;
    }

    /** Check every file against this host set, whatever the configuration or the domain says. */
    public void forceHostSet(String name) {
        forcedHostSet = name;
    }

    /** Check every file against this libvirt release's map, whatever the configuration says (lint --libvirt). */
    public void forceLibvirt(String release) {
        forcedLibvirt = release;
    }

    /** The configuration that governs a file. */
    public Config configFor(Path file) {
        Config forced = forcedConfig;
        return forced != null ? forced : workspace.configFor(file);
    }

    public Resolution resolve(Path file, XmlDocument doc) {
        Config config = configFor(file);
        Unusable unusable = new Unusable(config);
        String name = hostSetName(file, doc, config, unusable);
        HostSet set = workspace.hostSet(config, name);
        CpuMap map = BundledMap.get();
        boolean mapFromConfig = config != null && config.cpuMap != null;
        Path mapDir = mapFromConfig ? config.cpuMap : settings.cpuMap();
        String release = targetRelease(config, name);
        if (mapDir != null || release != null) {
            try {
                map = BundledMap.select(release, mapDir);
            } catch (MapLoadException e) {
                unusable.add(mapFromConfig, mapFromConfig ? config.cpuMapAt : null, "cannot load the CPU map "
                        + (mapDir != null ? mapDir : "of libvirt " + release) + ": " + e.getMessage()
                        + "; checking against the bundled map of libvirt " + BundledMap.DEFAULT_VERSION + " instead");
            }
        }
        Map<String, Severity> severities = new HashMap<>(settings.severity());
        if (config != null) {
            for (Map.Entry<String, String> e : config.severity.entrySet()) severities.put(e.getKey(), Severity.parse(e.getValue()));
        }
        boolean migratable = config == null || config.migratable;
        RelaxNgDomainValidator schema = null;
        boolean schemaFromConfig = config != null && config.libvirtSchemas != null;
        Path schemaDir = schemaFromConfig ? config.libvirtSchemas : settings.libvirtSchemas();
        if (schemaDir != null) {
            try {
                schema = RelaxNgDomainValidator.load(schemaDir);
            } catch (SchemaLoadException e) {
                unusable.add(schemaFromConfig, schemaFromConfig ? config.libvirtSchemasAt : null,
                        "full-domain validation is off: " + e.getMessage());
            }
        }
        AnalysisContext context = new AnalysisContext(map, name, set, migratable, severities, schema,
                config == null ? null : config.minimumLevelFor(file));
        return new Resolution(context, config, unusable.message(), unusable.problems);
    }

    /** The host set for a file (see the class comment); one the configuration lacks is reported, never skipped silently. */
    private String hostSetName(Path file, XmlDocument doc, Config config, Unusable unusable) {
        String forced = forcedHostSet;
        if (forced != null) {
            if (config == null || !config.hostSets.containsKey(forced)) {
                unusable.add(config != null && config.file != null, null, "host set '" + forced
                        + "' (--host-set) is not defined" + (config == null ? ": no " + Config.FILE_NAME + " applies" : " here"));
            }
            return forced;
        }
        String name = metadataHostSet(doc);
        if (name == null) name = selections.get(config == null || config.file == null ? "" : config.file.toString());
        if (name == null && config != null) name = config.mappedHostSet(file);
        // The editor's choice applies where the configuration knows that set; otherwise its default.
        String editor = settings.hostSet();
        if (name == null && editor != null && (config == null || config.hostSets.containsKey(editor))) name = editor;
        if (name == null && editor != null && config != null && config.file != null && config.mappedHostSet(file) == null) {
            unusable.add(true, null, "host set '" + editor + "' chosen in the editor's settings is not defined here; using "
                    + (config.defaultHostSet == null ? "no host set" : "'" + config.defaultHostSet + "'"));
        }
        if (name == null && config != null) name = config.defaultHostSet;
        return name;
    }

    /** What the configuration names but cannot be used: problems of its file, or one message without a file. */
    private static final class Unusable {
        final Config config;
        final List<Problem> problems = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        Unusable(Config config) {
            this.config = config;
        }

        void add(boolean inConfigFile, int[] at, String message) {
            if (inConfigFile && config != null && config.file != null) {
                problems.add(new Problem(config.file, at == null ? 0 : at[0], at == null ? 1 : at[1], "config-unusable", message));
            } else {
                messages.add(message);
            }
        }

        String message() {
            return messages.isEmpty() ? null : String.join("; ", messages);
        }
    }

    /** The target libvirt release: lint --libvirt, the host set's, the configuration's, the editor's (null: default). */
    private String targetRelease(Config config, String hostSet) {
        if (forcedLibvirt != null) return forcedLibvirt;
        String fromConfig = config == null ? null : config.libvirtFor(hostSet);
        return fromConfig != null ? fromConfig : settings.libvirt();
    }

    /** The host set named in {@code /domain/metadata/virtcpu:hostset/@name} (or its text), if any. */
    static String metadataHostSet(XmlDocument doc) {
        if (doc == null) return null;
        XmlElement root = doc.rootElement();
        if (root == null || !root.name().equals("domain")) return null;
        XmlElement metadata = root.element("metadata");
        if (metadata == null) return null;
        for (XmlElement e : metadata.elements()) {
            String n = e.name();
            int colon = n.indexOf(':');
            String local = colon < 0 ? n : n.substring(colon + 1);
            String prefix = colon < 0 ? "xmlns" : "xmlns:" + n.substring(0, colon);
            if (!local.equals("hostset") || !METADATA_NAMESPACE.equals(namespace(e, prefix))) continue;
            String v = e.attr("name");
            if (v == null) v = e.text().trim();
            return v.isEmpty() ? null : v;
        }
        return null;
    }

    private static String namespace(XmlElement e, String attribute) {
        for (XmlElement x = e; x != null; x = x.parent()) {
            XmlAttribute a = x.attribute(attribute);
            if (a != null) return a.value();
        }
        return null;
    }
}
