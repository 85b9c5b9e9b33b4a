package dev.virtcpu.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vendors, features and models of one architecture family of the map, in load order. */
public final class ArchMap {
    private final String name;
    private final List<Vendor> vendors;
    private final List<Feature> features;
    private final List<Model> models;
    private final Map<String, Vendor> vendorsByName = new HashMap<>();
    private final Map<String, Feature> featuresByName = new HashMap<>();
    private final Map<String, Model> modelsByName = new HashMap<>();
    private final Map<String, Feature> featuresByAlias = new HashMap<>();
    private final List<String> featureNames;

    public ArchMap(String name, List<Vendor> vendors, List<Feature> features, List<Model> models) {
        this.name = name;
        this.vendors = List.copyOf(vendors);
        this.features = List.copyOf(features);
        this.models = List.copyOf(models);
        for (Vendor v : vendors) vendorsByName.put(v.name(), v);
        for (Feature f : features) {
            featuresByName.put(f.name(), f);
            for (String a : f.aliases()) featuresByAlias.putIfAbsent(a, f);
        }
        for (Model m : models) modelsByName.put(m.name(), m);
        featureNames = features.stream().map(Feature::name).toList();
    }

    /** {@code x86}, {@code ppc64} or {@code arm}. */
    public String name() { return name; }

    public List<Vendor> vendors() { return vendors; }

    public List<Feature> features() { return features; }

    /** The features' names, in map order. */
    public List<String> featureNames() { return featureNames; }

    public List<Model> models() { return models; }

    public Vendor vendor(String vendorName) { return vendorName == null ? null : vendorsByName.get(vendorName); }

    public Feature feature(String featureName) { return featureName == null ? null : featuresByName.get(featureName); }

    public Feature feature(int index) { return features.get(index); }

    /** The named features this map knows, as bits (names it does not know are left out). */
    public FeatureSet bitsOf(Iterable<String> names) {
        FeatureSet out = new FeatureSet();
        for (String name : names) {
            Feature f = feature(name);
            if (f != null) out.add(f.index());
        }
        return out;
    }

    public Model model(String modelName) { return modelName == null ? null : modelsByName.get(modelName); }

    /** The canonical feature a QEMU or Linux spelling stands for (libvirt itself rejects aliases). */
    public Feature featureByAlias(String alias) { return alias == null ? null : featuresByAlias.get(alias); }

    public Map<String, Model> modelsByName() { return Collections.unmodifiableMap(modelsByName); }
}
