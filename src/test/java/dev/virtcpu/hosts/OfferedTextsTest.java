package dev.virtcpu.hosts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A host file's text that another part of the run has just read (lint reads every XML file of a tree)
 * is used by the host set instead of reading the file again: once, only for small files, and not
 * after the run forgets it. (The offered text differs from the file's here only to show which is used.)
 */
class OfferedTextsTest {
    private static final String ON_DISK = "<cpu><arch>x86_64</arch><model>Haswell</model><vendor>Intel</vendor></cpu>\n";
    private static final String OFFERED = "<cpu><arch>x86_64</arch><model>Skylake-Client</model><vendor>Intel</vendor></cpu>\n";

    @TempDir
    Path dir;

    private Config config() throws IOException {
        Files.writeString(dir.resolve("h.xml"), ON_DISK);
        Files.writeString(dir.resolve(".virtcpu.json"), "{\"hostSets\": {\"all\": [\"*.xml\"]}}\n");
        return new Workspace().loadConfig(dir.resolve(".virtcpu.json"));
    }

    private static String model(Workspace w, Config c) {
        w.invalidateAll();
        return w.hostSet(c, "all").hosts().get(0).cpu().model;
    }

    @Test
    void anOfferedTextIsUsedOnce() throws IOException {
        Config c = config();
        Workspace w = new Workspace();
        w.offerText(dir.resolve("./h.xml"), OFFERED);
        assertEquals("Skylake-Client", model(w, c));
        assertEquals("Haswell", model(w, c));
    }

    @Test
    void forgottenTextsAreNotUsed() throws IOException {
        Config c = config();
        Workspace w = new Workspace();
        w.offerText(dir.resolve("h.xml"), OFFERED);
        w.forgetOfferedTexts();
        assertEquals("Haswell", model(w, c));
    }

    @Test
    void aLargeTextIsNotKept() throws IOException {
        Config c = config();
        Workspace w = new Workspace();
        w.offerText(dir.resolve("h.xml"), OFFERED + " ".repeat(ReadAhead.MAX_FILE_CHARS));
        assertEquals("Haswell", model(w, c));
    }
}
