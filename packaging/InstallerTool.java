/*
 * Steps of the installer build (`mvn -Pinstaller package`) that jpackage has no option for. Run by Maven
 * with the JDK 25 toolchain's `java` as a single-file program, so it works the same on Linux, Windows
 * and macOS (no shell needed):
 *
 *   java InstallerTool.java store-jars DIR
 *       rewrites every jar in DIR with its entries stored, not deflated. The packages (.deb/.rpm xz,
 *       .msi cab, .dmg) compress the class files far better than zip's deflate does: the .deb's
 *       libraries shrink from about 31 MB to about 14 MB, which is the room the AOT cache needs.
 *
 *   java InstallerTool.java aot-cache APP_IMAGE_DIR required|optional|skip FILE_TIME
 *       the JDK 25 ahead-of-time cache (JEP 483/514/515) for the app image jpackage just made: starts
 *       the PACKAGED launcher (its own jlinked runtime, its class path) once to set up a data folder,
 *       once more recording (-XX:AOTMode=record, the --smoke-test run: window, tree, screenshot, exit),
 *       then creates the cache (-XX:AOTMode=create) into the launcher's app folder and adds
 *       -XX:AOTCache=$APPDIR/NAME.aot to the launcher's java-options. The runs need a display; on Linux
 *       without one it uses xvfb-run. "optional": a failed training leaves the image without a cache
 *       and says so (the app starts slower but works); "required" fails the build.
 *       The JVM checks each jar's size AND modification time against the cache, and jpackage copies
 *       the image (new times) into the packages: so every file of the image first gets FILE_TIME
 *       (epoch seconds), and the package tools are run with SOURCE_DATE_EPOCH=FILE_TIME, which makes
 *       dpkg-deb (and rpmbuild, with packaging/linux/rpm-home/.rpmmacros) clamp the copies' times
 *       back to it. Last, the launcher must start with -XX:AOTMode=on (which refuses a cache the JVM
 *       would otherwise ignore in silence); if it does not, the cache and the .cfg lines are taken out
 *       again, so no installer ships a cache that does nothing or stops the app from starting. A macOS
 *       bundle that jpackage had sealed (ad hoc) is sealed again after the change (decision 0031).
 *
 * The cache is valid only for the exact runtime and jars it was made from: it must be made after the
 * jars are final and before the .deb/.rpm/.msi/.dmg are made from the image (see docs/decisions/0023).
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("store-jars")) {
        storeJars(Path.of(args[1]));
    } else if (args.length >= 4 && args[0].equals("aot-cache")) {
        aotCache(Path.of(args[1]), args[2], Long.parseLong(args[3]));
    } else {
        throw new IllegalArgumentException("usage: InstallerTool store-jars DIR | aot-cache APP_IMAGE_DIR required|optional|skip FILE_TIME_EPOCH_SECONDS");
    }
}

// --- store-jars ----------------------------------------------------------------------------------

void storeJars(Path dir) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
        jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    long before = 0;
    long after = 0;
    for (Path jar : jars) {
        before += Files.size(jar);
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(stored);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setMethod(ZipOutputStream.STORED);
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data;
                try (InputStream is = in.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                if (e.getLastModifiedTime() != null) {
                    copy.setLastModifiedTime(e.getLastModifiedTime());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        FileTime time = Files.getLastModifiedTime(jar);
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, time);
        after += Files.size(jar);
    }
    System.out.printf("InstallerTool: %d jars in %s stored uncompressed: %.1f MB -> %.1f MB (the packages compress them better)%n",
            jars.size(), dir, before / 1e6, after / 1e6);
}

// --- aot-cache -----------------------------------------------------------------------------------

void aotCache(Path imageDir, String mode, long fileTime) throws Exception {
    if (mode.equals("skip")) {
        System.out.println("InstallerTool: no AOT cache (installer.aot=skip); the app starts without one");
        return;
    }
    try {
        setFileTimes(imageDir, FileTime.from(fileTime, TimeUnit.SECONDS));
        makeAotCache(imageDir);
    } catch (Exception e) {
        if (mode.equals("required")) {
            throw e;
        }
        System.out.println("InstallerTool: WARNING: no AOT cache in this installer, it starts slower: " + e.getMessage());
        System.out.println("InstallerTool: (installer.aot=optional; the training run needs a display the launcher can open a window on; log: "
                + imageDir.resolveSibling("aot-training.log") + ")");
    }
}

void makeAotCache(Path imageDir) throws Exception {
    Path cfg = launcherConfig(imageDir);
    String name = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
    Path appDir = cfg.getParent();
    Path launcher = launcher(imageDir, name);
    Path cache = appDir.resolve(name + ".aot");
    String cfgText = Files.readString(cfg, StandardCharsets.UTF_8);
    if (cfgText.contains("-XX:AOTCache=")) {
        throw new IllegalStateException(cfg + " already names an AOT cache: the image was trained before (clean it first)");
    }
    Path work = Files.createTempDirectory("alluse-aot-");
    Path home = work.resolve("home");
    Path data = work.resolve("data");
    Path config = work.resolve("app.aotconf");
    Path log = imageDir.resolveSibling("aot-training.log");
    Files.createDirectories(home);
    Files.deleteIfExists(log);
    // before the training writes the cache into the bundle: whether the bundle was sealed as jpackage made it
    MacSignature signature = MacSignature.of(imageDir, log);
    long start = System.nanoTime();
    try {
        // 1. a first start: creates the database, unpacks JavaFX's native libraries (not what a usual start does)
        run(launcher, home, log, null, withDisplay(launcher, "--smoke-test", work.resolve("first.png").toString(), "--data-dir", data.toString()));
        // 2. the training run: a usual start of an existing installation, window, tree, screenshot and exit
        run(launcher, home, log, "-XX:AOTMode=record -XX:AOTConfiguration=" + config,
                withDisplay(launcher, "--smoke-test", work.resolve("train.png").toString(), "--data-dir", data.toString()));
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("the training run recorded no AOT configuration (see " + log + ")");
        }
        // 3. the cache, by the same launcher (runtime image, class path and options as a user's start)
        run(launcher, home, log, "-XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache, List.of(launcher.toString(), "--version"));
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("no AOT cache was created (see " + log + ")");
        }
    } catch (Exception e) {
        Files.deleteIfExists(cache);
        throw e;
    } finally {
        deleteTree(work);
    }
    // first among the java-options: where jpackage's launcher finds the file after installation. The JVM
    // logs harmless AOT warnings (stale code-cache adapters) to STDOUT by default, which would mix into the
    // command line's output (accounts list, --json): the aot and cds log tags are switched off.
    // Not -XX:ArchiveRelocationMode=0 (map the cache where it was made, no relocation at each start): it
    // saved 11,000 page faults but no measurable CPU of a start, and would give up the JVM's address
    // randomisation of the cache (decision 0031).
    String lines = String.join(System.lineSeparator(),
            "java-options=-XX:AOTCache=$APPDIR/" + name + ".aot",
            "java-options=-Xlog:aot*=off,cds*=off");
    String updated = cfgText.replaceFirst("\\[JavaOptions\\]\\R", "[JavaOptions]" + System.lineSeparator() + lines.replace("$", "\\$") + System.lineSeparator());
    if (updated.equals(cfgText)) {
        Files.deleteIfExists(cache);
        throw new IllegalStateException(cfg + " has no [JavaOptions] section");
    }
    Files.writeString(cfg, updated, StandardCharsets.UTF_8);
    try {
        signature.renew();
        // the image as it will be packaged must start with the cache, and strictly (AOTMode=on fails on a
        // cache the JVM would otherwise ignore): else no cache at all, rather than one that silently does nothing
        Path checkHome = Files.createTempDirectory("alluse-aot-check-");
        try {
            run(launcher, checkHome, log, "-XX:AOTMode=on", List.of(launcher.toString(), "--version"));
        } finally {
            deleteTree(checkHome);
        }
    } catch (Exception e) {
        Files.writeString(cfg, cfgText, StandardCharsets.UTF_8);
        Files.deleteIfExists(cache);
        IllegalStateException failure = new IllegalStateException("the launcher did not start with its new AOT cache, which was taken out again: " + e.getMessage(), e);
        try {
            signature.renew();
        } catch (Exception resign) {
            failure.addSuppressed(resign);
        }
        throw failure;
    }
    System.out.printf("InstallerTool: AOT cache %s (%.1f MB) trained by the packaged launcher in %d s; %s names it (log: %s)%n",
            cache, Files.size(cache) / 1e6, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), cfg.getFileName(), log);
}

/**
 * A macOS bundle that was signed (jpackage signs its bundles ad hoc on Apple silicon, where unsigned code
 * does not run) has its files sealed: adding the cache and changing the .cfg breaks the seal, and a
 * downloaded app with a broken seal is refused as "damaged". So a bundle that verified before is signed
 * again (ad hoc) after the change; an unsigned bundle, and every other OS, is left as it is.
 */
record MacSignature(Path bundle, Path log) {

    static MacSignature of(Path imageDir, Path log) throws Exception {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (!mac) {
            return new MacSignature(null, log);
        }
        Path bundle;
        try (Stream<Path> files = Files.list(imageDir)) {
            bundle = files.filter(p -> p.getFileName().toString().endsWith(".app")).findFirst().orElse(null);
        }
        return bundle != null && verifies(bundle, log) ? new MacSignature(bundle, log) : new MacSignature(null, log);
    }

    void renew() throws Exception {
        if (bundle == null) {
            return;
        }
        codesign(log, "--force", "--deep", "--sign", "-", bundle.toString());
        if (!verifies(bundle, log)) {
            throw new IllegalStateException("codesign could not seal " + bundle + " again (see " + log + ")");
        }
    }

    static boolean verifies(Path bundle, Path log) throws Exception {
        return codesign(log, "--verify", "--deep", "--strict", bundle.toString()) == 0;
    }

    static int codesign(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("codesign"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}

/** Every file of the image gets the same time: the time the packages' copies are clamped to. */
void setFileTimes(Path imageDir, FileTime time) throws IOException {
    try (Stream<Path> files = Files.walk(imageDir)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
            Files.setLastModifiedTime(p, time);
        }
    }
}

/** The launcher's settings: lib/app/NAME.cfg (Linux), app/NAME.cfg (Windows), Contents/app/NAME.cfg (macOS). */
Path launcherConfig(Path imageDir) throws IOException {
    try (Stream<Path> files = Files.walk(imageDir, 5)) {
        List<Path> cfgs = files.filter(p -> p.toString().endsWith(".cfg") && p.getParent().getFileName().toString().equals("app"))
                .filter(p -> !p.toString().contains("runtime")).toList();
        if (cfgs.size() != 1) {
            throw new IllegalStateException("expected one launcher .cfg in " + imageDir + ", found " + cfgs);
        }
        return cfgs.getFirst();
    }
}

/** bin/NAME (Linux), NAME.exe (Windows), Contents/MacOS/NAME (macOS). */
Path launcher(Path imageDir, String name) throws IOException {
    try (Stream<Path> files = Files.walk(imageDir, 4)) {
        return files.filter(p -> p.getFileName().toString().equals(name) || p.getFileName().toString().equals(name + ".exe"))
                .filter(Files::isRegularFile).filter(p -> !p.toString().contains("runtime")).min(Comparator.comparingInt(Path::getNameCount))
                .orElseThrow(() -> new IllegalStateException("no launcher " + name + " in " + imageDir));
    }
}

/** On Linux without a display the window goes to a virtual one (xvfb-run, Debian's xvfb package). */
List<String> withDisplay(Path launcher, String... args) {
    List<String> command = new ArrayList<>();
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    String display = System.getenv("DISPLAY");
    if (linux && (display == null || display.isBlank())) {
        if (!onPath("xvfb-run")) {
            throw new IllegalStateException("the training run opens a window: no DISPLAY and no xvfb-run (apt-get install xvfb xauth)");
        }
        command.addAll(List.of("xvfb-run", "--auto-servernum", "--server-args=-screen 0 1600x1000x24"));
    }
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return command;
}

boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
}

void run(Path launcher, Path home, Path log, String vmOptions, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    // user.home: JavaFX unpacks its native libraries to ~/.openjfx; keep the builder's home out of it
    String options = "-Duser.home=" + home + (vmOptions == null ? "" : " " + vmOptions);
    pb.environment().put("JAVA_TOOL_OPTIONS", options);
    pb.environment().put("NO_AT_BRIDGE", "1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Files.writeString(log, "\n$ JAVA_TOOL_OPTIONS='" + options + "' " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("the packaged launcher did not finish in 10 minutes: " + String.join(" ", command) + " (see " + log + ")");
    }
    if (p.exitValue() != 0) {
        throw new IllegalStateException("the packaged launcher exited " + p.exitValue() + ": " + String.join(" ", command) + "\n" + tail(log));
    }
}

String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
}

void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
        }
    }
}
