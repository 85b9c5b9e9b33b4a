package dev.virtcpu.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The x86 part of a libvirt {@code cpu_map} directory, parsed independently of virtcpu's own
 * map code: vendor names, feature names (and their alias spellings), and the models in load order
 * with their (inherited) vendor and decode flags. Used only to generate differential-test inputs.
 */
public final class CpuMapIndex {

    /** One x86 model as listed in the map. */
    public record Model(String name, String vendor, boolean decodeHost, boolean decodeGuest) {
        public boolean hasVendor() {
            return vendor != null;
        }
    }

    private final Path dir;
    private final List<String> vendors = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    private final List<String> featureAliases = new ArrayList<>();
    private final Map<String, Model> models = new LinkedHashMap<>();

    private CpuMapIndex(Path dir) {
        this.dir = dir;
    }

    public static CpuMapIndex load(Path dir) throws Exception {
        CpuMapIndex idx = new CpuMapIndex(dir);
        Element root = parse(dir.resolve("index.xml")).getDocumentElement();
        for (Element arch : children(root, "arch")) {
            if ("x86".equals(arch.getAttribute("name"))) {
                idx.loadArch(arch);
            }
        }
        if (idx.models.isEmpty() || idx.features.isEmpty()) {
            throw new IOException("no x86 models or features found in " + dir);
        }
        return idx;
    }

    /** Walks an arch element (or a {@code <group>}) in document order. */
    private void loadArch(Element parent) throws Exception {
        for (Element e : children(parent, null)) {
            switch (e.getTagName()) {
                case "include" -> loadFile(parse(dir.resolve(e.getAttribute("filename"))).getDocumentElement());
                case "group" -> loadArch(e);
                default -> loadElement(e);
            }
        }
    }

    private void loadFile(Element cpus) {
        for (Element e : children(cpus, null)) {
            loadElement(e);
        }
    }

    private void loadElement(Element e) {
        String name = e.getAttribute("name");
        switch (e.getTagName()) {
            case "vendor" -> vendors.add(name);
            case "feature" -> {
                features.add(name);
                for (Element alias : children(e, "alias")) {
                    featureAliases.add(alias.getAttribute("name"));
                }
            }
            case "model" -> {
                String vendor = null;
                boolean host = true;
                boolean guest = true;
                for (Element c : children(e, null)) {
                    switch (c.getTagName()) {
                        case "model" -> {
                            Model ancestor = models.get(c.getAttribute("name"));
                            if (ancestor != null) {
                                vendor = ancestor.vendor();
                            }
                        }
                        case "vendor" -> vendor = c.getAttribute("name");
                        case "decode" -> {
                            host = !"off".equals(c.getAttribute("host"));
                            guest = !"off".equals(c.getAttribute("guest"));
                        }
                        default -> { }
                    }
                }
                models.put(name, new Model(name, vendor, host, guest));
            }
            default -> { }
        }
    }

    public Path dir() {
        return dir;
    }

    public List<String> vendors() {
        return Collections.unmodifiableList(vendors);
    }

    public List<String> features() {
        return Collections.unmodifiableList(features);
    }

    /** Alias spellings ({@code pclmulqdq}, …) that are not also a feature name. */
    public List<String> featureAliases() {
        Set<String> names = new LinkedHashSet<>(featureAliases);
        names.removeAll(features);
        return List.copyOf(names);
    }

    public List<Model> models() {
        return List.copyOf(models.values());
    }

    public Model model(String name) {
        return models.get(name);
    }

    public List<Model> modelsOfVendor(String vendor) {
        List<Model> out = new ArrayList<>();
        for (Model m : models.values()) {
            if (vendor == null ? m.vendor() == null : vendor.equals(m.vendor())) {
                out.add(m);
            }
        }
        return out;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        try (var in = Files.newInputStream(file)) {
            return b.parse(in, file.toUri().toString());
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || tag.equals(e.getTagName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
