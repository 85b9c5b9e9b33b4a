package dev.virtcpu.lint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-commit hooks of .pre-commit-hooks.yaml, used as docs/ci.md documents, by the real
 * {@code pre-commit} tool from a scratch git repository outside the checkout. The hook repository is
 * a git snapshot of this working tree (so uncommitted changes are what is tested), reached by a local
 * path: nothing comes from the network.
 */
class PreCommitHookIT {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final String TYPO = "<domain type='kvm'>\n  <name>typo</name>\n  <cpu mode='custom' match='exact'>\n"
            + "    <model fallback='forbid'>Haswel-noTSX</model>\n  </cpu>\n</domain>\n";
    private static Path scratch;
    private static Path hookRepo;
    private static String rev;

    @BeforeAll
    static void snapshotTheWorkingTree() throws IOException {
        require("git");
        require("pre-commit");
        scratch = Files.createTempDirectory("virtcpu-pre-commit-").toRealPath();
        assertFalse(scratch.startsWith(Fixtures.projectDir()));
        hookRepo = Files.createDirectory(scratch.resolve("virtcpu"));
        ProcessRun files = git(Fixtures.projectDir(), "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        for (String name : files.out().split("\0")) {
            Path from = Fixtures.projectDir().resolve(name);
            if (name.isEmpty() || !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) continue;
            Path to = hookRepo.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        git(hookRepo, "init", "-q");
        git(hookRepo, "add", "-A");
        git(hookRepo, "commit", "-q", "-m", "snapshot of the working tree");
        rev = git(hookRepo, "rev-parse", "HEAD").out().strip();
    }

    @AfterAll
    static void remove() throws IOException {
        if (scratch == null) return;
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    private static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !ci.equals("false") && !ci.equals("0");
    }

    /** .ci/install-deps.sh installs git and pre-commit: missing under CI fails, elsewhere skips. */
    private static void require(String tool) {
        ProcessRun which = ProcessRun.run(Path.of("/"), env(), Duration.ofSeconds(10), List.of("sh", "-c", "command -v " + tool));
        if (which.exit() == 0) return;
        String msg = tool + " is not installed (Debian package " + tool + "; .ci/install-deps.sh installs it)";
        if (ci()) Assertions.fail(msg + " — required when CI is set");
        Assumptions.abort("SKIPPED: " + msg);
    }

    /** The caller's PATH (git, pre-commit, mvn, java), a pre-commit cache of our own, no user git config. */
    private static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "virtcpu test");
        env.put("GIT_AUTHOR_EMAIL", "test@virtcpu.invalid");
        env.put("GIT_COMMITTER_NAME", "virtcpu test");
        env.put("GIT_COMMITTER_EMAIL", "test@virtcpu.invalid");
        if (scratch != null) env.put("PRE_COMMIT_HOME", scratch.resolve("pre-commit-cache").toString());
        return env;
    }

    private static ProcessRun run(Path dir, Map<String, String> env, String... command) {
        return ProcessRun.run(dir, env, BUILD_TIMEOUT, List.of(command));
    }

    private static ProcessRun git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessRun run = ProcessRun.run(dir, env(), Duration.ofMinutes(2), command);
        assertEquals(0, run.exit(), () -> command + "\n" + run);
        return run;
    }

    /** A new git repository with pre-commit installed, using {@code hook} from the snapshot at {@code rev}. */
    private static Path userRepository(String name, String hook, String... hookOptions) throws IOException {
        Path repo = Files.createDirectory(scratch.resolve(name));
        git(repo, "init", "-q");
        StringBuilder config = new StringBuilder("repos:\n  - repo: " + hookRepo + "\n    rev: " + rev
                + "\n    hooks:\n      - id: " + hook + "\n");
        for (String option : hookOptions) config.append("        ").append(option).append('\n');
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), config);
        Files.createDirectories(repo.resolve("domains"));
        Files.writeString(repo.resolve("domains/notes.xml"), "<notes>not a domain</notes>\n");
        ProcessRun install = run(repo, env(), "pre-commit", "install");
        assertEquals(0, install.exit(), install::toString);
        git(repo, "add", "-A");
        return repo;
    }

    private static ProcessRun commit(Path repo, Map<String, String> env) {
        return run(repo, env, "git", "commit", "-m", "change");
    }

    @Test
    void theBuildingHookBlocksACommitWithAFindingAndLetsTheFixedDomainThrough() throws IOException {
        Path repo = userRepository("user-build", "virtcpu-lint");
        Files.writeString(repo.resolve("domains/web.xml"), TYPO);
        git(repo, "add", "domains/web.xml");
        ProcessRun blocked = commit(repo, env());
        assertEquals(1, blocked.exit(), blocked::toString);
        String output = blocked.out() + blocked.err();
        assertTrue(output.contains("domains/web.xml:4:30: error unknown-model: Unknown CPU model Haswel-noTSX"), output);
        assertTrue(output.contains("virtcpu: building virtcpu in " + scratch.resolve("pre-commit-cache")), output);

        Files.writeString(repo.resolve("domains/web.xml"), TYPO.replace("Haswel-noTSX", "Haswell-noTSX"));
        git(repo, "add", "domains/web.xml");
        ProcessRun passed = commit(repo, env());
        assertEquals(0, passed.exit(), passed::toString);
        assertTrue((passed.out() + passed.err()).contains("virtcpu lint"), passed::toString);
    }

    @Test
    void withoutFileNamesTheHookLintsTheWholeDirectoryWhenAConfigurationChanges() throws IOException {
        Path repo = userRepository("user-all", "virtcpu-lint", "files: \\.(xml|json)$", "pass_filenames: false",
                "args: [domains/]");
        Files.writeString(repo.resolve("domains/web.xml"), TYPO);
        git(repo, "add", "domains/web.xml");
        git(repo, "commit", "-q", "--no-verify", "-m", "a domain committed without the hook");
        Files.writeString(repo.resolve("domains/.virtcpu.json"), "{}\n");
        git(repo, "add", "domains/.virtcpu.json");
        ProcessRun blocked = commit(repo, env());
        assertEquals(1, blocked.exit(), blocked::toString);
        assertTrue((blocked.out() + blocked.err()).contains("domains/web.xml:4:30: error unknown-model"), blocked::toString);
    }

    @Test
    void theSystemHookUsesTheVirtcpuOnPath() throws IOException {
        Path jar = Fixtures.path("target/virtcpu-all.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package builds " + jar);
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("virtcpu"), Fixtures.path("server/virtcpu"));
        Map<String, String> env = env();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("VIRTCPU_NO_CDS", "1");

        Path repo = userRepository("user-system", "virtcpu-lint-system");
        Files.writeString(repo.resolve("domains/web.xml"), TYPO);
        git(repo, "add", "domains/web.xml");
        ProcessRun blocked = commit(repo, env);
        assertEquals(1, blocked.exit(), blocked::toString);
        assertTrue((blocked.out() + blocked.err()).contains("error unknown-model: Unknown CPU model Haswel-noTSX"), blocked::toString);
    }
}
