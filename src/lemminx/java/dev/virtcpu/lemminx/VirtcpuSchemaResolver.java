package dev.virtcpu.lemminx;

import org.eclipse.lemminx.dom.DOMDocument;
import org.eclipse.lemminx.dom.DOMElement;
import org.eclipse.lemminx.services.IXMLDocumentProvider;
import org.eclipse.lemminx.uriresolver.IExternalGrammarLocationProvider;
import org.eclipse.lemminx.uriresolver.URIResolverExtension;
import org.eclipse.lemminx.utils.FilesUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds virtcpu's XML Schema for {@code <cpu>} to documents whose root is {@code <domain>} or
 * {@code <cpu>} and that declare no grammar themselves, the way {@code xml.fileAssociations} does (an
 * external no-namespace schema location, which the user's own associations and catalogs override).
 * The schema is unpacked from the jar into LemMinX's cache directory (a directory per schema content,
 * so an update never meets a stale copy).
 */
final class VirtcpuSchemaResolver implements URIResolverExtension, IExternalGrammarLocationProvider {
    static final String RESOURCE = "/dev/virtcpu/lemminx/libvirt-cpu.xsd";
    private static final Logger LOGGER = Logger.getLogger(VirtcpuSchemaResolver.class.getName());

    private final IXMLDocumentProvider documents;
    private final java.util.function.BooleanSupplier enabled;
    private final String schemaUri;

    VirtcpuSchemaResolver(IXMLDocumentProvider documents, java.util.function.BooleanSupplier enabled) {
        this.documents = documents;
        this.enabled = enabled;
        this.schemaUri = unpack();
    }

    @Override
    public String getName() {
        return "virtcpu";
    }

    @Override
    public String resolve(String baseLocation, String publicId, String systemId) {
        return publicId == null && systemId == null && applies(baseLocation) ? schemaUri : null;
    }

    @Override
    public Map<String, String> getExternalGrammarLocation(URI fileURI) {
        return fileURI != null && applies(fileURI.toString()) ? Map.of(NO_NAMESPACE_SCHEMA_LOCATION, schemaUri) : null;
    }

    private boolean applies(String documentUri) {
        if (schemaUri == null || documentUri == null || !enabled.getAsBoolean()) return false;
        DOMDocument doc = documents.getDocument(documentUri);
        DOMElement root = doc == null ? null : doc.getDocumentElement();
        String name = root == null ? null : root.getTagName();
        return ("domain".equals(name) || "cpu".equals(name)) && root.getNamespaceURI() == null;
    }

    private static String unpack() {
        try (InputStream in = VirtcpuSchemaResolver.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException(RESOURCE + " is missing from the virtcpu jar");
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path target = FilesUtils.getDeployedPath(Path.of("cache", "virtcpu", hash, "libvirt-cpu.xsd"));
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "libvirt-cpu", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target.toUri().toString();
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "virtcpu: cannot unpack the <cpu> XML Schema; no schema is bound to domain files", e);
            return null;
        }
    }
}
