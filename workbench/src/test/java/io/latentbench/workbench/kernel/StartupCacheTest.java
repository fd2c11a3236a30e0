package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staleness rule of the kernel's AOT cache, on files the test makes: no JVM is started. */
class StartupCacheTest {

    @TempDir
    Path dir;
    Path cache;
    String classpath;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void trained() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("kernel.jar"), "kernel");
        Files.writeString(lib.resolve("a.jar"), "a");
        Files.writeString(lib.resolve("b.jar"), "b");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        classpath = dir.resolve("kernel.jar") + File.pathSeparator + lib.resolve("*");
        cache = Files.writeString(dir.resolve("kernel.aot"), "cache");
        // what the training leaves beside the cache
        Files.writeString(StartupCache.jarsFile(cache), CacheJars.of(classpath).text());
    }

    @Test
    void theSameJarsKeepTheCacheAndTheLauncherExpandedClassPathIsTheSameJars() throws Exception {
        assertThat(StartupCache.state(cache, classpath)).isEqualTo(new StartupCache.State.Fresh());
        // at run time java.class.path holds the jars that lib/* stood for, in any order
        String expanded = String.join(File.pathSeparator, dir.resolve("lib/b.jar").toString(), dir.resolve("kernel.jar").toString(),
                dir.resolve("lib/a.jar").toString());
        assertThat(StartupCache.state(cache, expanded)).isEqualTo(new StartupCache.State.Fresh());
        StartupCache.check(cache, classpath, log::add);
        assertThat(log).isEmpty();
        assertThat(cache).exists();
    }

    @Test
    void aRebuiltJarAnAddedOneOrAGoneOneMakeItStale() throws Exception {
        Path b = dir.resolve("lib/b.jar");
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 60_000));
        assertThat(StartupCache.state(cache, classpath)).isEqualTo(new StartupCache.State.Stale(List.of("b.jar changed")));
        Files.writeString(dir.resolve("lib/c.jar"), "c");
        Files.delete(dir.resolve("lib/a.jar"));
        assertThat(StartupCache.state(cache, classpath))
                .isEqualTo(new StartupCache.State.Stale(List.of("a.jar gone", "b.jar changed", "c.jar added")));
    }

    @Test
    void aStaleCacheIsSaidOnceWithTheCommandThatRetrainsItAndSetAside() throws Exception {
        Files.writeString(dir.resolve("kernel.jar"), "kernel, rebuilt");
        StartupCache.check(cache, classpath, log::add);
        assertThat(log).singleElement().asString()
                .contains("start-up cache " + cache + " was trained on other jars (kernel.jar changed since `./lb kernel install`)")
                .contains("the JVM does not use it, so it is set aside")
                .contains("until `./lb kernel install` retrains it");
        // not handed to the next JVM: the cache option now names no file, which the JVM skips
        assertThat(cache).doesNotExist();
        assertThat(StartupCache.setAsideFile(cache)).hasContent("cache");

        log.clear();
        StartupCache.check(cache, classpath, log::add);
        assertThat(log).singleElement().asString().contains("no start-up cache: " + cache + " is gone")
                .contains("`./lb kernel install` retrains it");
    }

    @Test
    void aCacheWithoutARecordOfItsJarsIsLeftAloneAndABrokenRecordIsNamed() throws Exception {
        Files.writeString(StartupCache.jarsFile(cache), "12\tnot-a-time\t/x.jar\n");
        StartupCache.check(cache, classpath, log::add);
        assertThat(log).singleElement().asString()
                .contains("cannot check the start-up cache")
                .contains(StartupCache.jarsFile(cache) + " line 1: '12\tnot-a-time\t/x.jar' is not SIZE<tab>MILLIS<tab>PATH");
        Files.delete(StartupCache.jarsFile(cache));
        assertThat(StartupCache.state(cache, classpath)).isEqualTo(new StartupCache.State.Untracked());
        assertThat(StartupCache.state(dir.resolve("none.aot"), classpath)).isEqualTo(new StartupCache.State.Untracked());
    }

    @Test
    void theKernelIsToldWhichCacheItWasGiven() {
        StartupCache aot = StartupCache.forJava(25, dir).orElseThrow();
        assertThat(aot.runOptions()).contains("-D" + StartupCache.PROPERTY + "=" + dir.resolve("kernel.aot"));
        assertThat(aot.trainOptions()).noneMatch(o -> o.startsWith("-D" + StartupCache.PROPERTY));
    }
}
