package dev.virtcpu.hosts;

import java.nio.file.Path;

/** Something wrong in a configuration or host file, located by char offsets in that file. */
public record Problem(Path file, int start, int end, String code, String message) {
}
