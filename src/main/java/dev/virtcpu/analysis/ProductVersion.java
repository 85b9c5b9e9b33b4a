package dev.virtcpu.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * virtcpu's version as the build recorded it (the Maven project version, written into
 * {@code virtcpu-version.properties} when resources are processed), so that it is the same
 * whether virtcpu runs from its jar, from the class directory or inside LemMinX.
 */
public final class ProductVersion {
    private static final String RESOURCE = "virtcpu-version.properties";
    private static final String VERSION = load();

    private ProductVersion() {
    }

    /** The version, e.g. {@code 0.1.0}; "unknown" only for classes compiled without the build. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.contains("${")) return v;
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through to the manifest
        }
        String v = ProductVersion.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
